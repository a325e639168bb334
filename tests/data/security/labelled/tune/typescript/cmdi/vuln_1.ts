import { exec } from "child_process";
import { Request, Response } from "express";

export function archive(req: Request, res: Response): void {
  const dir: string = req.query.dir as string;
  exec(`tar czf out.tgz ${dir}`, () => res.end());
}
