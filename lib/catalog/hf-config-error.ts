/** A config.json the importer cannot read: `field` names the missing, malformed or unknown field (dotted path). */
export class HfConfigError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "HfConfigError";
    this.field = field;
  }
}
