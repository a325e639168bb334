import { Request, Response } from 'express';

export function greet(req: Request, res: Response): void {
  const who = req.params.name as string;
  res.send(`<p>Welcome back, ${who}</p>`);
}
