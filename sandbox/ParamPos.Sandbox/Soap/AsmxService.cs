using System.Xml.Linq;
using ParamPos.Sandbox.Operations;

namespace ParamPos.Sandbox.Soap;

/// <summary>
/// What one ASMX service is to <see cref="AsmxEndpoint"/>: its target namespace, the operations its schema declares, how
/// a request body is validated, which operations the sandbox carries out, and how it answers them (result elements built
/// in the TurkPos namespace are moved into the service's own).
/// </summary>
public sealed class AsmxService
{
    public required string Namespace { get; init; }

    public required IReadOnlySet<string> Operations { get; init; }

    public required Func<XElement, IReadOnlyList<string>> Validate { get; init; }

    public required IReadOnlySet<string> Implemented { get; init; }

    public required Func<SoapCall, XElement> Handle { get; init; }

    /// <summary>An error result of the operation's result type (for injected negative Sonuc faults).</summary>
    public required Func<string, int, string, XElement> ErrorResult { get; init; }
}
