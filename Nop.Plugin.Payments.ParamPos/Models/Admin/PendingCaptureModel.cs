namespace Nop.Plugin.Payments.ParamPos.Models.Admin;

/// <summary>
/// Represents an authorized order whose pre-authorization waits for capture
/// </summary>
public record PendingCaptureModel
{
    /// <summary>Gets or sets the order identifier</summary>
    public int OrderId { get; init; }

    /// <summary>Gets or sets the order number shown to the admin</summary>
    public string OrderNumber { get; init; }

    /// <summary>Gets or sets the held amount, formatted</summary>
    public string Amount { get; init; }

    /// <summary>Gets or sets when the hold was made (UTC), formatted</summary>
    public string HeldSince { get; init; }

    /// <summary>Gets or sets the warning when the hold is older than the store's warning age, or null</summary>
    public string Risk { get; init; }
}
