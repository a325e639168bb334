import * as fs from "fs";
import * as path from "path";
import { Request, Response } from "express";

export function download(req: Request, res: Response): void {
  const name = path.basename(req.params.name);
  fs.createReadStream(path.join("/srv/files", name)).pipe(res);
}
