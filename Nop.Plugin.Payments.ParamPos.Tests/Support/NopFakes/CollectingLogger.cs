using Nop.Core.Domain.Customers;
using Nop.Services.Logging;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>A log that keeps every line (message and exception text), to assert on and to search for card data.</summary>
public sealed class CollectingLogger : ILogger
{
    private readonly List<(string Level, string Text)> _entries = new();

    public IReadOnlyList<(string Level, string Text)> Entries
    {
        get
        {
            lock (_entries)
                return _entries.ToList();
        }
    }

    public string AllText => string.Join("\n", Entries.Select(entry => entry.Text));

    public Task InformationAsync(string message, Exception exception = null, Customer customer = null) => Add("Information", message, exception);

    public Task WarningAsync(string message, Exception exception = null, Customer customer = null) => Add("Warning", message, exception);

    public Task ErrorAsync(string message, Exception exception = null, Customer customer = null) => Add("Error", message, exception);

    private Task Add(string level, string message, Exception exception)
    {
        lock (_entries)
            _entries.Add((level, exception is null ? message : $"{message}\n{exception}"));

        return Task.CompletedTask;
    }
}
