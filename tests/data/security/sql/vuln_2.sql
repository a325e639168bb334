EXEC xp_cmdshell 'dir c:\';
