def load(data)
  Marshal.load(data)
end
