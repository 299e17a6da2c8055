using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.ParamPos.Payments;

/// <summary>
/// Represents the schedule task that checks each store's previous Turkish day against Param's records (installed with
/// the plugin; it runs hourly and checks a day once, or again while Param could not be reached)
/// </summary>
public class DailyReconciliationTask : IScheduleTask
{
    #region Fields

    protected readonly DailyReconciliationService _reconciliationService;
    protected readonly IStoreService _storeService;

    #endregion

    #region Ctor

    public DailyReconciliationTask(DailyReconciliationService reconciliationService, IStoreService storeService)
    {
        _reconciliationService = reconciliationService;
        _storeService = storeService;
    }

    #endregion

    #region Methods

    /// <summary>
    /// Executes the task
    /// </summary>
    /// <returns>A task that represents the asynchronous operation</returns>
    public async Task ExecuteAsync()
    {
        var stores = await _storeService.GetAllStoresAsync();
        await _reconciliationService.CheckYesterdayAsync(stores.Select(store => store.Id));
    }

    #endregion
}
