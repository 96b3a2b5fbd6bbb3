import { Command, Option } from 'commander';
import { localSecretFile, readOrCreateLocalSecret } from '../../api/src/auth/local-jwt-secret';
import { mintToken } from '../../api/src/auth/mint-token';
import { EVERY_ORGANISATION, ROLES, type Role } from '../../api/src/auth/principal';
import { ID_PATTERN } from '../../api/src/common/dto-fields';
import { CliError } from './cli-error';
import { dbOption } from './store-option';

type TokenOptions = { db: string; role: Role; org: string[]; subject?: string; expiresIn: string };

const LIFETIME = /^\d{1,6}[smhd]$/;

/**
 * `orgchange token`: a development HS256 token the API accepts, signed with AUTH_JWT_SECRET or else the local
 * secret the API keeps beside the database. Production tokens come from an identity provider (AUTH_JWT_PUBLIC_KEY).
 */
export function tokenCommand(): Command {
  return new Command('token')
    .description('mint a development bearer token for the API (printed on stdout)')
    .addOption(dbOption())
    .addOption(new Option('--role <role>', 'the role the token grants').choices([...ROLES]).makeOptionMandatory())
    .option('--org <id...>', `organisations the role covers ("${EVERY_ORGANISATION}" = all; admins need none)`, [])
    .option('--subject <name>', 'who the token speaks for: recorded as the actor of every change (default: $USER)')
    .option('--expires-in <lifetime>', 'lifetime such as 30m, 8h or 7d', '8h')
    .action((options: TokenOptions) => {
      if (process.env.AUTH_JWT_PUBLIC_KEY || process.env.AUTH_JWKS_URL) {
        throw new CliError('AUTH_JWT_PUBLIC_KEY or AUTH_JWKS_URL is set: the API only accepts tokens from your identity provider, so a local token would be refused');
      }
      const badOrg = options.org.find((org) => org !== EVERY_ORGANISATION && !ID_PATTERN.test(org));
      if (badOrg !== undefined) throw new CliError(`--org: "${badOrg}" is not an organisation id`);
      if (options.role !== 'admin' && options.org.length === 0) throw new CliError(`--org: a ${options.role} token needs at least one organisation (or "${EVERY_ORGANISATION}")`);
      if (!LIFETIME.test(options.expiresIn)) throw new CliError('--expires-in must be a number followed by s, m, h or d, such as 8h');
      const subject = options.subject ?? process.env.USER ?? 'local-user';
      if (!/^[\x21-\x7e]{1,200}$/.test(subject)) throw new CliError('--subject must be 1–200 visible ASCII characters');
      const secret = process.env.AUTH_JWT_SECRET || readOrCreateLocalSecret(localSecretFile(options.db));
      console.log(
        mintToken({
          secret,
          issuer: process.env.AUTH_JWT_ISSUER || 'orgchange-local',
          audience: process.env.AUTH_JWT_AUDIENCE || 'orgchange-api',
          subject,
          role: options.role,
          organisations: options.org,
          expiresIn: options.expiresIn,
        }),
      );
    });
}
