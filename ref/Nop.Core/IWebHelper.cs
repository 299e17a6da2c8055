namespace Nop.Core;

public partial interface IWebHelper
{
    string GetCurrentIpAddress();

    string GetStoreLocation(bool? useSsl = null);

    bool IsRequestBeingRedirected { get; }

    bool IsPostBeingDone { get; set; }
}
