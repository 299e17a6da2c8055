namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Param's calendar: business days and report windows are Turkish days (Europe/Istanbul, UTC+3 all year since 2016).
/// </summary>
public static class TurkishTime
{
    /// <summary>Gets Turkey's time zone.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>Gets the Turkish local time of a UTC moment.</summary>
    public static DateTime FromUtc(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>Gets the Turkish day of a UTC moment.</summary>
    public static DateOnly DayOf(DateTimeOffset utc) => DateOnly.FromDateTime(FromUtc(utc));

    /// <summary>Gets a Turkish day as UTC bounds: from its start (inclusive) to the next day's start (exclusive).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) UtcBounds(DateOnly day)
    {
        var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

        return (start, TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), Zone));
    }

    private static TimeZoneInfo FindZone()
    {
        foreach (var id in new[] { "Europe/Istanbul", "Turkey Standard Time" })
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
                return zone;
        }

        return TimeZoneInfo.CreateCustomTimeZone("Turkey", TimeSpan.FromHours(3), "Turkey", "Turkey");
    }
}
