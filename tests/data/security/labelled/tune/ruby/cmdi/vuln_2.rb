def archive(params)
  folder = params["folder"]
  system("tar czf /tmp/a.tgz " + folder)
end
