namespace Nop.Services.Orders;

public partial class AppliedGiftCard
{
}
