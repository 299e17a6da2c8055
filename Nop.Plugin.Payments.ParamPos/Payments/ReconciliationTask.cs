using Nop.Services.Logging;
using Nop.Services.ScheduleTasks;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Represents the schedule task that settles pending ParamPOS payments (installed with the plugin)
/// </summary>
public class ReconciliationTask : IScheduleTask
{
    #region Fields

    protected readonly ILogger _logger;
    protected readonly PendingPaymentReconciler _reconciler;

    #endregion

    #region Ctor

    public ReconciliationTask(ILogger logger,
        PendingPaymentReconciler reconciler)
    {
        _logger = logger;
        _reconciler = reconciler;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Executes the task
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task ExecuteAsync()
    {
        var summary = await _reconciler.RunAsync();
        if (summary.Checked + summary.MarkedPaid + summary.RefundsConfirmed > 0)
            await _logger.InformationAsync($"{ParamPosDefaults.SystemName}: reconciliation {summary}.");
    }

    #endregion
}
