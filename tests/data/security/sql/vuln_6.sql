UPDATE users SET password_hash = MD5(password);
