/**
 * The project vault (docs/decisions/0014): secrets sealed with AES-256-GCM, sent through
 * `{{secret.NAME}}` placeholders and masked in everything that comes back.
 */
export { openProjectSecrets, secretBoxOf, missingSecret, type SecretBox } from './box';
export { referencedSecretNames, SECRET_NAME_PATTERN, type PlaceholderEncoding } from './placeholders';
export { MASK, createMasker, type Masker } from './mask';
export { listSecrets, setSecret, removeSecret, type SecretListing } from './service';
export { secretNameSchema, secretValueSchema, setSecretSchema } from './validation';
