namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// How old a held pre-authorization may get before the store is warned that the bank may release it.
/// </summary>
public static class AuthorizationAge
{
    /// <summary>
    /// Gets the store's warning age in days (the default when not set, e.g. settings saved by an older version)
    /// </summary>
    public static int WarningDays(ParamPosSettings settings)
    {
        return settings?.AuthorizationWarningDays > 0 ? settings.AuthorizationWarningDays : ParamPosDefaults.DefaultAuthorizationWarningDays;
    }

    /// <summary>
    /// Gets a value indicating whether a hold made at <paramref name="authorizedUtc"/> is at risk at <paramref name="nowUtc"/>
    /// </summary>
    public static bool IsAtRisk(DateTime authorizedUtc, DateTime nowUtc, ParamPosSettings settings)
    {
        return nowUtc >= authorizedUtc.AddDays(WarningDays(settings));
    }
}
