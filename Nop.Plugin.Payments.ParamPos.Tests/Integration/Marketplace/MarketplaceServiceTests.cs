using FluentAssertions;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Gateway;
using Nop.Plugin.Payments.ParamPos.Marketplace;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;
using ParamPos.Sandbox;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Marketplace;

/// <summary>
/// The marketplace client against the sandbox's marketplace service over HTTP (Pazaryeri.md §3's flow): sellers
/// onboarded (valid, refused, updated), a paid 3D Pay order's shares allocated to the kuruş and declared, approvals and
/// their 1 → 0 → -1 rule, refunds of one seller's items and of the whole order, the individual seller's limit.
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Marketplace)]
public class MarketplaceServiceTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);
    private CheckoutHarness _harness;
    private ParamClient _client;
    private ParamCallContext _context;
    private string _marketplaceGuid;

    [SetUp]
    public async Task StartAsync()
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.PaymentModel = PaymentModel.ThreeDPay, sandbox => sandbox.IndividualSellerLimit = 500m);
        _client = new ParamClient(new HttpClient(), new ParamClientOptions { QueryRetries = 0 });
        _context = new ParamCallContext(_harness.Sandbox.Credentials, new Uri(_harness.Sandbox.SandboxBaseUrl, SandboxHost.MARKETPLACE_PATH.TrimStart('/')), TimeSpan.FromSeconds(30));
        _marketplaceGuid = _harness.Sandbox.Credentials.Guid;
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.DisposeAsync();
    }

    private static SubMerchant Seller(string identity, SellerType type = SellerType.SoleProprietor) => new()
    {
        Type = type, Name = "Ayşe Yılmaz", Title = "Yılmaz Ticaret", IdentityNumber = identity, BirthDate = new DateOnly(1990, 12, 1), Mobile = "5321234567",
        Iban = "TR330006100519786457841326", IbanHolder = "Ayşe Yılmaz", Address = "Seyhan, Adana", Province = 1, District = 1104, Email = "ayse@example.com",
        Mcc = "5999", TaxOffice = type == SellerType.Individual ? null : "Seyhan", AuthorisedPersonIdentity = type == SellerType.Company ? "10000000146" : null,
        AuthorisedPersonBirthDate = type == SellerType.Company ? new DateOnly(1980, 1, 2) : null
    };

    private async Task<string> OnboardAsync(SubMerchant seller)
    {
        SubMerchantRules.Problems(seller, Today).Should().BeEmpty();
        var result = await _client.AddSubMerchantAsync(seller, _marketplaceGuid, _context);
        result.Error.Should().BeNull();

        return result.SubMerchantGuid;
    }

    /// <summary>A paid 3D Pay order of the default cart: its Siparis_ID, Islem_ID and total.</summary>
    private async Task<(string OrderId, long TransactionId, decimal Total)> PaidOrderAsync()
    {
        var order = await _harness.CheckoutToBankAsync();
        (await _harness.PostReturnAsync(await _harness.AuthenticateAsync(order, approve: true))).Result.Should().Be(Payments.CallbackResult.Paid);
        var attempt = (await _harness.LedgerAsync(order)).LatestAttempt;

        return (attempt.OrderReference, long.Parse(attempt.TransactionGuid), attempt.Total);
    }

    [Test]
    public async Task Onboarding_ValidSellersAreRegistered_DuplicatesAndBadDataAreRefused_AndUpdatesApply()
    {
        var individual = await OnboardAsync(Seller("10000000146", SellerType.Individual));
        var company = await OnboardAsync(Seller("4840847211", SellerType.Company));

        individual.Should().MatchRegex("^[0-9a-f-]{36}$");
        company.Should().NotBe(individual);
        (await _client.AddSubMerchantAsync(Seller("10000000146", SellerType.Individual), _marketplaceGuid, _context)).Error!.ParamText.Should().Contain("tanımlı");

        var badIban = new SubMerchant { Type = SellerType.Company, Name = "X", IdentityNumber = "4840847212", Mobile = "212", Iban = "TR000000000000000000000000", Province = 99 };
        SubMerchantRules.Problems(badIban, Today).Should().Contain([SubMerchantProblem.IdentityNumber, SubMerchantProblem.Iban, SubMerchantProblem.Mobile,
            SubMerchantProblem.Province, SubMerchantProblem.TaxOffice, SubMerchantProblem.AuthorisedPerson]);
        (await _client.AddSubMerchantAsync(badIban, _marketplaceGuid, _context)).Error.Should().NotBeNull("the service refuses what the rules refuse");

        var update = await _client.UpdateSubMerchantAsync(individual, Seller("10000000146", SellerType.Individual), _context);
        update.Error.Should().BeNull();
        (await _client.UpdateSubMerchantAsync(Guid.NewGuid().ToString(), Seller("10000000146"), _context)).Error.Should().NotBeNull();
    }

    [Test]
    public async Task APaidOrder_IsSharedBetweenThreeSellers_ToTheKurus_AndParamHoldsEachShareOnce()
    {
        var sellers = new[] { await OnboardAsync(Seller("10000000146")), await OnboardAsync(Seller("12345678950")), await OnboardAsync(Seller("4840847211", SellerType.Company)) };
        var (_, transactionId, total) = await PaidOrderAsync();
        var net = Math.Round(total - total * 1.79m / 100m, 2, MidpointRounding.AwayFromZero);
        // The 100,00 cart: 50 + 30 + 20 of goods, 10 % marketplace commission each; the customer paid the installment commission on top.
        var shares = ShareAllocator.Allocate([new(0, 50m, 10m), new(1, 30m, 10m), new(2, 20m, 10m)], shipping: 0m, discount: 0m, net: net);

        var declared = new List<string>();
        foreach (var share in shares)
        {
            var result = await _client.DeclareShareAsync(_marketplaceGuid, share.ProductAmount, share.PayableAmount, transactionId.ToString(), sellers[share.SellerId], _context);
            result.Error.Should().BeNull();
            declared.Add(result.ShareGuid);
        }

        var atParam = (await _client.QuerySharesAsync(_marketplaceGuid, null, null, transactionId, _context)).Shares;
        atParam.Select(share => share.ShareGuid).Should().BeEquivalentTo(declared);
        atParam.Sum(share => share.ProductAmount).Should().Be(shares.Sum(share => share.ProductAmount)).And.BeLessThan(net);
        atParam.Should().OnlyContain(share => share.Status == "0");

        var overNet = await _client.DeclareShareAsync(_marketplaceGuid, 1m, 1m, transactionId.ToString(), sellers[0], _context);
        overNet.Error!.ParamText.Should().Be("Net tutar aşıldı.");
    }

    [Test]
    public async Task Approvals_FollowParamsRule_AndRefundsReduceOrEndTheShares()
    {
        var sellers = new[] { await OnboardAsync(Seller("10000000146")), await OnboardAsync(Seller("12345678950")) };
        var (orderId, transactionId, _) = await PaidOrderAsync();
        var a = (await _client.DeclareShareAsync(_marketplaceGuid, 60m, 54m, transactionId.ToString(), sellers[0], _context)).ShareGuid;
        var b = (await _client.DeclareShareAsync(_marketplaceGuid, 30m, 27m, transactionId.ToString(), sellers[1], _context)).ShareGuid;

        (await _client.SetShareStatusAsync(a, 1, _context)).Status.Should().Be("1");
        (await _client.SetShareStatusAsync(a, -1, _context)).Error.Should().NotBeNull("an approved share is first withdrawn (1 → 0 → -1)");
        (await _client.SetShareStatusAsync(a, 0, _context)).Status.Should().Be("0");
        FluentActions.Invoking(() => MarketplaceMessages.SetShareStatus(a, 12, _harness.Sandbox.Credentials)).Should().Throw<ArgumentOutOfRangeException>("12 and 13 are never sent (M11)");

        (await _client.ReverseShareAsync(b, sameDay: false, orderId, 10m, 17m, _context)).Error.Should().NotBeNull("a same-day reversal is an IPTAL");
        await _harness.Sandbox.CloseDayAsync();
        (await _client.ReverseShareAsync(b, sameDay: false, orderId, 10m, 25m, _context)).Error!.ParamText.Should().Be("Odenecek tutar ürün tutarından büyük olamaz");
        (await _client.ReverseShareAsync(b, sameDay: false, orderId, 10m, 17m, _context)).Error.Should().BeNull();
        var afterPartial = (await _client.QuerySharesAsync(_marketplaceGuid, null, b, 0, _context)).Shares.Single();
        afterPartial.Should().BeEquivalentTo(new { ProductAmount = 20m, PayableAmount = 17m, Status = "0" });

        (await _client.ReverseShareAsync(a, sameDay: false, orderId, 0m, 0m, _context)).Error.Should().BeNull("SiparisTutar 0 refunds the whole order");
        (await _client.QuerySharesAsync(_marketplaceGuid, null, null, transactionId, _context)).Shares.Should().OnlyContain(share => share.Status == "13");
        (await _harness.Sandbox.TransactionAsync(orderId)).Status.Should().Be("Refunded");
    }

    [Test]
    public async Task AnIndividualSellersLimit_IsCheckedBeforeThePayment_AndEnforcedAtTheDeclaration()
    {
        var individual = await OnboardAsync(Seller("10000000146", SellerType.Individual));
        var (_, transactionId, _) = await PaidOrderAsync();

        (await _client.CheckSellerLimitAsync(_marketplaceGuid, individual, 90m, _context)).Should().BeEquivalentTo(new { Allowed = true, Limit = 500 });
        (await _client.DeclareShareAsync(_marketplaceGuid, 95m, 90m, transactionId.ToString(), individual, _context)).Error.Should().BeNull();
        (await _client.CheckSellerLimitAsync(_marketplaceGuid, individual, 450m, _context)).Should().BeEquivalentTo(new { Allowed = false, Collected = 90 });
        (await _client.CheckSellerLimitAsync(_marketplaceGuid, individual, 410m, _context)).Allowed.Should().BeTrue();
    }
}
