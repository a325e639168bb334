DECLARE @sql NVARCHAR(400);
SET @sql = 'SELECT * FROM users WHERE name = ''' + @name + '''';
EXEC(@sql);
