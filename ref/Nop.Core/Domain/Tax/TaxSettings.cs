using Nop.Core.Configuration;

namespace Nop.Core.Domain.Tax;

public partial class TaxSettings : ISettings
{
    public bool PaymentMethodAdditionalFeeIsTaxable { get; set; }

    public bool PaymentMethodAdditionalFeeIncludesTax { get; set; }
}
