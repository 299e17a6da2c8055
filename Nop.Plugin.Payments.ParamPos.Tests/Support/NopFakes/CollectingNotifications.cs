using Nop.Services.Messages;

namespace Nop.Plugin.Payments.ParamPos.Tests.Support.NopFakes;

/// <summary>The admin's toast notifications, collected.</summary>
public sealed class CollectingNotifications : INotificationService
{
    public List<(string Kind, string Message)> Messages { get; } = new();

    public void SuccessNotification(string message, bool encode = true, int timeout = 0) => Messages.Add(("success", message));

    public void WarningNotification(string message, bool encode = true, int timeout = 0) => Messages.Add(("warning", message));

    public void ErrorNotification(string message, bool encode = true, int timeout = 0) => Messages.Add(("error", message));
}
