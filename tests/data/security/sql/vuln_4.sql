GRANT ALL PRIVILEGES ON shop.* TO 'app'@'%';
