/**
 * ObjectId-shaped ids (24 hex) that grow with creation order, so that
 * sort=_id is creation order, as in JumpCloud's MongoDB.
 */
export class IdSource {
  private n = 0;
  constructor(private readonly prefix = "5f0c1a2b") {}
  next(): string {
    return this.prefix + (this.n++).toString(16).padStart(16, "0");
  }
}

export const OBJECT_ID = /^[a-f0-9]{24}$/i;
