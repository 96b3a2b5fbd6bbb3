import { currentToken, forgetToken, saveToken } from '../token-store';
import { byId, say } from '../status';

/** The access-token box: with AUTH_MODE=jwt the API wants a bearer token; the local demo (AUTH_MODE=off) needs none. */
export class TokenBox {
  constructor(onChange: () => void) {
    const input = byId<HTMLInputElement>('token-input');
    input.value = currentToken() ?? '';
    byId('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      saveToken(input.value);
      say(currentToken() ? 'Token saved for this tab: reads now send it.' : 'No token: reads go without one.');
      onChange();
    });
    byId('token-clear').addEventListener('click', () => {
      forgetToken();
      input.value = '';
      say('Token forgotten.');
      onChange();
    });
  }
}
