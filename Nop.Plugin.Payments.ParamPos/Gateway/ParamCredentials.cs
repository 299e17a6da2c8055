namespace Nop.Plugin.Payments.ParamPos.Gateway;

/// <summary>
/// A merchant's TurkPos credentials. <see cref="ToString"/> never shows the password or the GUID.
/// </summary>
public sealed class ParamCredentials
{
    public ParamCredentials(string clientCode, string username, string password, string guid)
    {
        ClientCode = clientCode?.Trim() ?? string.Empty;
        Username = username?.Trim() ?? string.Empty;
        Password = password ?? string.Empty;
        Guid = guid?.Trim() ?? string.Empty;
    }

    /// <summary>Param's public test account (ParamPOS.md §14); works only against the test service or the sandbox.</summary>
    public static ParamCredentials PublicTestAccount => new("10738", "Test", "Test", "0c13d406-873b-403b-9c09-a5766840d98c");

    /// <summary>Gets the terminal number (CLIENT_CODE).</summary>
    public string ClientCode { get; }

    /// <summary>Gets the API user name (CLIENT_USERNAME).</summary>
    public string Username { get; }

    /// <summary>Gets the API password (CLIENT_PASSWORD).</summary>
    public string Password { get; }

    /// <summary>Gets the merchant key (GUID).</summary>
    public string Guid { get; }

    /// <summary>Gets a value indicating whether every field is filled in.</summary>
    public bool IsComplete => ClientCode.Length > 0 && Username.Length > 0 && Password.Length > 0 && Guid.Length > 0;

    /// <summary>The values that must never appear in a log.</summary>
    public IEnumerable<string> Secrets => [Password, Guid];

    public override string ToString()
    {
        return $"CLIENT_CODE {ClientCode}, user {Username}, password ***, GUID ***";
    }
}
