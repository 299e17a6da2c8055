namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents the answer of "Test connection"
/// </summary>
public record ConnectionTestModel
{
    /// <summary>Gets or sets a value indicating whether Param accepted the credentials</summary>
    public bool Success { get; set; }

    /// <summary>Gets or sets the result in plain words, with Param's code and text when it refused</summary>
    public string Message { get; set; }
}
