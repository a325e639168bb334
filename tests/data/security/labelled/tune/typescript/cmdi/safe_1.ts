import { execFile } from "child_process";
import { Request, Response } from "express";

export function archive(req: Request, res: Response): void {
  const dir: string = req.query.dir as string;
  execFile("tar", ["czf", "out.tgz", "--", dir], () => res.end());
}
