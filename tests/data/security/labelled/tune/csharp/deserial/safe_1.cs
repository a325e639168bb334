using System.IO;
using System.Text.Json;

public class State
{
    public Settings Load(Stream s)
    {
        return JsonSerializer.Deserialize<Settings>(s);
    }
}
