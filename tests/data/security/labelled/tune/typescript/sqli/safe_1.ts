import { Request, Response } from 'express';
import { Pool } from 'pg';

export async function find(req: Request, res: Response, pool: Pool): Promise<void> {
  const email: string = String(req.query.email);
  const result = await pool.query('SELECT * FROM users WHERE email = $1', [email]);
  res.json(result.rows);
}
