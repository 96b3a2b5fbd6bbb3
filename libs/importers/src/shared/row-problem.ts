/** Why a source row cannot become a fact: the rule it breaks and a message naming the field. */
export type RowProblem = Readonly<{ rule: string; message: string }>;

export const isRowProblem = (value: object): value is RowProblem => 'rule' in value && 'message' in value;
