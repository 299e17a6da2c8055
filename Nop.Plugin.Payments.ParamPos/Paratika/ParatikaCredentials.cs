namespace Nop.Plugin.Payments.ParamPos.Paratika;

/// <summary>
/// A Paratika merchant's API user (MERCHANT, MERCHANTUSER, MERCHANTPASSWORD, sent with every call) and its secret key
/// (never sent: it only checks the hash of the hosted page's return POST).
/// </summary>
public sealed record ParatikaCredentials(string Merchant, string MerchantUser, string MerchantPassword, string SecretKey)
{
    /// <summary>Gets a value indicating whether every value is present.</summary>
    public bool IsComplete => !string.IsNullOrWhiteSpace(Merchant) && !string.IsNullOrWhiteSpace(MerchantUser)
        && !string.IsNullOrEmpty(MerchantPassword) && !string.IsNullOrEmpty(SecretKey);

    /// <summary>Gets the values that must never appear in a log.</summary>
    public IReadOnlyList<string> Secrets => new[] { MerchantPassword, SecretKey }.Where(value => !string.IsNullOrEmpty(value)).ToList();

    /// <summary>Hides the password and the secret key (a record would print them).</summary>
    public override string ToString() => $"ParatikaCredentials {{ Merchant = {Merchant}, MerchantUser = {MerchantUser} }}";
}
