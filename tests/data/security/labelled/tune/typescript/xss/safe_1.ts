import { Request, Response } from 'express';
import escapeHtml from 'escape-html';

export function greet(req: Request, res: Response): void {
  const who = req.params.name as string;
  res.send(`<p>Welcome back, ${escapeHtml(who)}</p>`);
}
