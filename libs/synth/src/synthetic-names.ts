/** Names for synthetic trusts and their units: plausible NHS names, none of them a real trust's. */

export const PLACES = [
  'Ashworth', 'Brackenfield', 'Castlemere', 'Dunholme', 'Eastbridge', 'Fernleigh', 'Glenbury', 'Harrowdale',
  'Ivybridge Vale', 'Kingsmoor', 'Larkhill', 'Marshbrook', 'Northcote', 'Oakhampstead', 'Pendleford', 'Queensbury Vale',
  'Redmarsh', 'Southwold Downs', 'Thornbury Heath', 'Upperton', 'Westhaven', 'Yarrowby',
] as const;

export const DIVISION_NAMES = [
  'Medicine', 'Surgery', "Women's and Children's", 'Clinical Support Services', 'Community and Integrated Care',
  'Cancer and Clinical Haematology', 'Emergency and Acute Care', 'Specialist Services',
] as const;

export const DIRECTORATE_NAMES = [
  'Emergency Medicine', 'Acute Medicine', 'Elderly Care', 'Specialist Medicine', 'General Surgery', 'Trauma and Orthopaedics',
  'Theatres and Anaesthetics', 'Head and Neck', 'Obstetrics', 'Gynaecology', 'Paediatrics', 'Neonatology', 'Radiology',
  'Pathology', 'Pharmacy', 'Therapies', 'Adult Community Services', "Children's Community Services", 'Mental Health Liaison',
  'Oncology', 'Haematology', 'Critical Care', 'Cardiothoracic Services', 'Neurosciences', 'Renal Services', 'Outpatients',
  'Sexual Health', 'Urgent Care', 'Diabetes and Endocrinology', 'Dermatology',
] as const;

export const SPECIALTY_NAMES = [
  'Cardiology', 'Respiratory Medicine', 'Gastroenterology', 'Stroke', 'Diabetes', 'Rheumatology', 'Neurology', 'Endoscopy',
  'Colorectal Surgery', 'Upper GI Surgery', 'Vascular Surgery', 'Urology', 'Breast Surgery', 'Plastic Surgery', 'ENT',
  'Ophthalmology', 'Maxillofacial Surgery', 'Orthodontics', 'Fracture Clinic', 'Spinal Surgery', 'Hand Surgery', 'Anaesthetics',
  'Day Surgery', 'Recovery', 'Labour Ward', 'Antenatal Clinic', 'Postnatal Ward', 'Community Midwifery', 'Fetal Medicine',
  "Children's Ward", 'Paediatric Outpatients', 'Neonatal Unit', 'CT and MRI', 'Ultrasound', 'Interventional Radiology',
  'Blood Sciences', 'Microbiology', 'Histopathology', 'Dispensary', 'Aseptic Services', 'Physiotherapy', 'Occupational Therapy',
  'Speech and Language Therapy', 'Dietetics', 'District Nursing', 'Community Matrons', 'Rapid Response', 'Intermediate Care',
  'Health Visiting', 'School Nursing', 'Chemotherapy Day Unit', 'Radiotherapy', 'Palliative Care', 'Intensive Care',
  'High Dependency Unit', 'Critical Care Outreach', 'Cardiac Surgery', 'Thoracic Surgery', 'Neurosurgery', 'Dialysis',
  'Transplant', 'Acute Medical Unit', 'Frailty Unit', 'Discharge Team',
] as const;

/** Services a trust adds in its later years. */
export const NEW_SERVICE_NAMES = [
  'Same Day Emergency Care', 'Virtual Ward', 'Hospital at Home', 'Community Diagnostic Centre', 'Long COVID Clinic',
  'Elective Hub', 'Frailty Virtual Ward', 'Urgent Community Response',
] as const;

/** How a unit's name changes when it is renamed. */
export const RENAMES: readonly ((name: string) => string)[] = [
  (name) => `${name} Services`,
  (name) => `${name} and Outpatients`,
  (name) => `Integrated ${name}`,
  (name) => `${name} Unit`,
];

export const GRADE_LADDER = ['Band 6', 'Band 7', 'Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM'] as const;

export const TITLE_CHANGES: readonly ((title: string) => string)[] = [
  (title) => `Lead ${title}`,
  (title) => `Senior ${title}`,
  (title) => `${title} (Quality and Safety)`,
];
