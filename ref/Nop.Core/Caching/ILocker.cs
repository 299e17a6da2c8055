namespace Nop.Core.Caching;

public partial interface ILocker
{
    Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action);
}
