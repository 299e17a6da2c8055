using Nop.Core.Configuration;

namespace Nop.Core.Domain.Payments;

public partial class PaymentSettings : ISettings
{
    public PaymentSettings()
    {
        ActivePaymentMethodSystemNames = new List<string>();
    }

    public List<string> ActivePaymentMethodSystemNames { get; set; }

    public bool AllowRePostingPayments { get; set; }

    public bool SkipPaymentInfoStepForRedirectionPaymentMethods { get; set; }

    public int RegenerateOrderGuidInterval { get; set; }
}
