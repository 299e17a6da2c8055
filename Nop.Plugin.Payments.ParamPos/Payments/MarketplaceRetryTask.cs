using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Represents the schedule task that retries the marketplace share declarations that failed (each once per run, as a
/// new attempt; a share Param already holds is recorded, not declared again) and the approval changes that failed
/// </summary>
public class MarketplaceRetryTask : IScheduleTask
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly MarketplaceApprovals _approvals;
    protected readonly MarketplaceShareDeclarer _declarer;

    #endregion

    #region Ctor

    public MarketplaceRetryTask(ILogger logger,
        MarketplaceApprovals approvals,
        MarketplaceShareDeclarer declarer)
    {
        _logger = logger;
        _approvals = approvals;
        _declarer = declarer;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Executes the task
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task ExecuteAsync()
    {
        var retried = await _declarer.RetryFailedAsync();
        if (retried.Count > 0)
            await _logger.InformationAsync($"{ParamPosDefaults.SystemName}: {retried.Count} marketplace share declaration(s) retried, "
                + $"{retried.Count(share => share.State == Domain.MarketplaceShareState.Declared)} now declared.");

        var changed = await _approvals.RetryFailedAsync();
        if (changed.Count > 0)
            await _logger.InformationAsync($"{ParamPosDefaults.SystemName}: {changed.Count} marketplace approval change(s) retried, {changed.Count(change => change.Succeeded)} now settled.");
    }

    #endregion
}
