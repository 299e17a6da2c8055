namespace Nop.Services.Payments;

public enum RecurringPaymentType
{
    NotSupported = 0,
    Manual = 10,
    Automatic = 20
}
