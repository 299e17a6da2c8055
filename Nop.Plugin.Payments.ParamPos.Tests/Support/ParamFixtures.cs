namespace Nop.Plugin.Payments.ParamPos.Tests.Support;

/// <summary>Reads the captured/constructed SOAP messages under Fixtures/Param (see its README).</summary>
public static class ParamFixtures
{
    public static string Read(string relativePath)
    {
        return File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Param", relativePath));
    }
}
