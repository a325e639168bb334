def list(dir)
  system("ls", dir)
end
