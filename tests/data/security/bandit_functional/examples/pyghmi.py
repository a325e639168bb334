from pyghmi.ipmi import command

cmd = command.Command(bmc="bmc",
                      userid="userid",
                      password="ZjE4ZjI0NTE4YmI2NGJjZDliOGY3ZmJiY2UyN2IzODQK")
