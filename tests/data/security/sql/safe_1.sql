DECLARE @sql NVARCHAR(400) = N'SELECT * FROM users WHERE name = @name';
EXEC sp_executesql @sql, N'@name NVARCHAR(50)', @name = @name;
