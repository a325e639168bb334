def run(code)
  eval(code)
end
