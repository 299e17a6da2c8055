using System.Diagnostics;

namespace ParamPos.Benchmarks;

/// <summary>
/// The store-side steps of one sale, each with the wall time the shopper's request spent in it. What happens at the
/// bank's 3-D page and while the shopper types (a background refresh) is not the store's server time.
/// </summary>
public sealed class StepTimes
{
    private readonly Dictionary<string, TimeSpan> _steps = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TimeSpan> Steps => _steps;

    public TimeSpan ServerTime => _steps.Values.Aggregate(TimeSpan.Zero, (sum, step) => sum + step);

    public async Task<T> TimeAsync<T>(string step, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await work();
        }
        finally
        {
            _steps[step] = _steps.GetValueOrDefault(step) + Stopwatch.GetElapsedTime(started);
        }
    }

    public async Task TimeAsync(string step, Func<Task> work)
    {
        await TimeAsync(step, async () =>
        {
            await work();
            return true;
        });
    }
}

/// <summary>Minimum, median and maximum of repeated measurements.</summary>
public static class Spread
{
    public static (double Min, double Median, double Max) Of(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(value => value).ToArray();
        if (sorted.Length == 0)
            return (double.NaN, double.NaN, double.NaN);

        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;

        return (sorted[0], median, sorted[^1]);
    }

    public static string Format(IEnumerable<double> values, string format = "0.0")
    {
        var (min, median, max) = Of(values);

        return $"{median.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} ({min.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}–{max.ToString(format, System.Globalization.CultureInfo.InvariantCulture)})";
    }
}
