namespace ParamPos.Sandbox.Faults;

/// <summary>What an injected fault does to a SOAP call.</summary>
public enum FaultMode
{
    /// <summary>Wait <see cref="FaultRule.DelayMilliseconds"/> before answering normally.</summary>
    Latency,

    /// <summary>Carry out the call, then hold the answer for <see cref="FaultRule.DelayMilliseconds"/> (an answer lost to a client timeout).</summary>
    Timeout,

    /// <summary>HTTP 500 with an empty body. Like every mode below except <see cref="NegativeSonuc"/>, the call is not carried out.</summary>
    Http500,

    /// <summary>HTTP 200 with an HTML error page instead of SOAP (a proxy or maintenance page).</summary>
    HtmlPage,

    /// <summary>HTTP 200 with XML that is not well-formed.</summary>
    MalformedXml,

    /// <summary>HTTP 500 with a SOAP fault (soap:Server).</summary>
    SoapFault,

    /// <summary>A normal answer carrying <see cref="FaultRule.Sonuc"/> (e.g. -101 IP not registered, -207 system error).</summary>
    NegativeSonuc,

    /// <summary>Close the connection without answering.</summary>
    Disconnect
}

/// <summary>A fault for the next <see cref="Count"/> calls of one operation (or of every operation when <see cref="Operation"/> is empty).</summary>
public sealed class FaultRule
{
    public string Operation { get; set; }
    public FaultMode Mode { get; set; }
    public int Count { get; set; } = 1;
    public int DelayMilliseconds { get; set; } = 2000;
    public int Sonuc { get; set; } = -207;
    public string SonucText { get; set; }
}

/// <summary>The faults waiting to be injected; each matching call uses one up.</summary>
public sealed class FaultPlan
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
            _rules.Add(rule);
    }

    public void Clear()
    {
        lock (_gate)
            _rules.Clear();
    }

    public IReadOnlyList<FaultRule> Pending()
    {
        lock (_gate)
            return _rules.ToList();
    }

    /// <summary>Takes the first rule for this operation, if any, counting it down.</summary>
    public FaultRule Take(string operation)
    {
        lock (_gate)
        {
            var rule = _rules.FirstOrDefault(candidate => string.IsNullOrEmpty(candidate.Operation) || candidate.Operation == operation);
            if (rule is null)
                return null;

            if (rule.Count > 0 && --rule.Count == 0)
                _rules.Remove(rule);

            return rule;
        }
    }
}
