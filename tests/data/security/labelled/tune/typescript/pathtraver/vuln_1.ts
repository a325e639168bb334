import * as fs from "fs";
import { Request, Response } from "express";

export function download(req: Request, res: Response): void {
  const name = req.params.name;
  fs.createReadStream("/srv/files/" + name).pipe(res);
}
