interface User {
  id: number;
  name: string;
  email?: string;
}

type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export class UserStore {
  private users = new Map<number, User>();

  add(user: User): Result<User> {
    if (this.users.has(user.id)) {
      return { ok: false, error: `user ${user.id} exists` };
    }
    this.users.set(user.id, user);
    return { ok: true, value: user };
  }

  find(predicate: (user: User) => boolean): User[] {
    return [...this.users.values()].filter(predicate);
  }

  rename(id: number, name: string): Result<User> {
    const user = this.users.get(id);
    if (!user) {
      return { ok: false, error: `no user ${id}` };
    }
    const renamed = { ...user, name };
    this.users.set(id, renamed);
    return { ok: true, value: renamed };
  }
}
