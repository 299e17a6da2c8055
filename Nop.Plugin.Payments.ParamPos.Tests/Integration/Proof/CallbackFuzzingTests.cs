using FluentAssertions;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.ParamPos.Domain;
using Nop.Plugin.Payments.ParamPos.Payments;
using Nop.Plugin.Payments.ParamPos.Tests.Support;
using NUnit.Framework;

namespace Nop.Plugin.Payments.ParamPos.Tests.Integration.Proof;

/// <summary>
/// Fuzzing of the three return endpoints (3D Model callback, 3D Pay TURKPOS_RETVAL return, Paratika return): generated
/// mutations of a genuine POST — dropped, duplicated, truncated, emptied, huge, wrongly encoded fields, another order's
/// values and signature, junk-field floods — and a replay of another order's used POST. Every one is refused (no
/// exception escapes), the order under attack and the ledger do not change, nothing moves at the gateway, the log
/// stays bounded (one short line per refusal, no posted value); the genuine POST still pays the order once afterwards.
/// <see cref="ProofCounts.Mutations"/> per endpoint (PARAMPOS_PROOF=full: 1,000).
/// </summary>
[TestFixture, Category(TestCategories.Integration), Category(TestCategories.Checkout)]
public class CallbackFuzzingTests
{
    private const int MAX_LOG_LINE = 600;

    private CheckoutHarness _harness;

    [TearDown]
    public async Task StopAsync()
    {
        if (_harness is not null)
            await _harness.DisposeAsync();
    }

    /// <summary>Posts every mutation and checks the contract; then the other order's replay and the genuine POST.</summary>
    private async Task FuzzAsync(Order target, BankCallback genuine, Order other, BankCallback otherUsed, IReadOnlyList<string> signed, string hashField,
        Func<IFormCollection, Task<CallbackOutcome>> post, bool hexHash, params string[] movingCalls)
    {
        var ledgerBefore = (await _harness.LedgerAsync(target)).Entries.Count;
        var callsBefore = await _harness.Sandbox.CallCountsAsync();
        var logBefore = _harness.Logger.Entries.Count;
        var failures = new List<string>();
        var count = 0;

        foreach (var (description, form) in new CallbackMutations(20261203, genuine.Fields, otherUsed.Fields, signed, hashField, hexHash).Take(ProofCounts.Mutations))
        {
            count++;
            try
            {
                var outcome = await post(form);
                if (outcome.Result != CallbackResult.Rejected && outcome.OrderId == target.Id)
                    failures.Add($"{description}: {outcome.Result}");
            }
            catch (Exception exception)
            {
                failures.Add($"{description}: {exception.GetType().Name} {exception.Message[..Math.Min(200, exception.Message.Length)]}");
            }
        }

        var replay = await post(new FormCollection(otherUsed.Fields.ToDictionary(field => field.Key, field => new Microsoft.Extensions.Primitives.StringValues(field.Value))));

        failures.Should().BeEmpty($"every one of {count} mutations must be refused");
        replay.OrderId.Should().NotBe(target.Id);
        _harness.Orders.Get(target.Id).PaymentStatus.Should().Be(PaymentStatus.Pending, "nothing posted moved the order under attack");
        (await _harness.LedgerAsync(target)).Entries.Count.Should().Be(ledgerBefore, "nothing was claimed for it");
        var callsAfter = await _harness.Sandbox.CallCountsAsync();
        foreach (var call in movingCalls)
            callsAfter.GetValueOrDefault(call).Should().Be(callsBefore.GetValueOrDefault(call), $"no {call} was sent");
        var lines = _harness.Logger.Entries.Skip(logBefore).ToList();
        lines.Count.Should().BeLessThanOrEqualTo(count + 2, "one line per refusal at most");
        lines.Should().OnlyContain(line => line.Text.Length <= MAX_LOG_LINE, "no posted value reaches the log");
        TestContext.Out.WriteLine($"{count} mutations refused; {lines.Count} log lines, the longest {lines.Max(line => line.Text.Length)} characters");

        (await post(new FormCollection(genuine.Fields.ToDictionary(field => field.Key, field => new Microsoft.Extensions.Primitives.StringValues(field.Value))))).Result
            .Should().Be(CallbackResult.Paid, "the genuine POST still pays");
        _harness.Orders.MarkedPaidCountOf(target.Id).Should().Be(1);
        _harness.Orders.MarkedPaidCountOf(other.Id).Should().Be(1, "the replay changed nothing");
    }

    [Test, Category(TestCategories.Gateway)]
    public async Task ThreeDModelCallback_RefusesEveryMutation()
    {
        _harness = await CheckoutHarness.StartAsync();
        var other = await _harness.CheckoutToBankAsync();
        var otherCallback = await _harness.AuthenticateAsync(other, approve: true);
        (await _harness.PostCallbackAsync(otherCallback)).Result.Should().Be(CallbackResult.Paid);
        var target = await _harness.CheckoutToBankAsync();
        var genuine = await _harness.AuthenticateAsync(target, approve: true);

        await FuzzAsync(target, genuine, other, otherCallback, ["md", "mdStatus", "orderId", "islemGUID", "islemHash"], "islemHash",
            form => _harness.InScopeAsync(services => services.GetRequiredService<ThreeDCallbackHandler>().HandleAsync(form)), false, "TP_WMD_Pay");
    }

    [Test, Category(TestCategories.ThreeDPay)]
    public async Task ThreeDPayReturn_RefusesEveryMutation()
    {
        _harness = await CheckoutHarness.StartAsync(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
        var other = await _harness.CheckoutToBankAsync();
        var otherCallback = await _harness.AuthenticateAsync(other, approve: true);
        (await _harness.PostReturnAsync(otherCallback)).Result.Should().Be(CallbackResult.Paid);
        var target = await _harness.CheckoutToBankAsync();
        var genuine = await _harness.AuthenticateAsync(target, approve: true);

        await FuzzAsync(target, genuine, other, otherCallback,
            ["TURKPOS_RETVAL_Dekont_ID", "TURKPOS_RETVAL_Tahsilat_Tutari", "TURKPOS_RETVAL_Siparis_ID", "TURKPOS_RETVAL_Islem_ID", "TURKPOS_RETVAL_Hash"],
            "TURKPOS_RETVAL_Hash", form => _harness.InScopeAsync(services => services.GetRequiredService<BankReturnHandler>().HandleAsync(form)), false, "TP_Islem_Iptal_Iade_Kismi2");
    }

    [TestCase("0"), TestCase("-1"), TestCase("abc"), TestCase("99999999999999999999999"), TestCase("")]
    [Category(TestCategories.ThreeDPay)]
    public async Task ThreeDPayReturn_AChangedUnsignedResult_NeverRecordsADeclineParamDoesNotShow(string sonuc)
    {
        // TURKPOS_RETVAL_Sonuc is outside the hash: a genuine, signed return of a sale with its result changed.
        _harness = await CheckoutHarness.StartAsync(settings => settings.PaymentModel = PaymentModel.ThreeDPay);
        var order = await _harness.CheckoutToBankAsync();
        var genuine = await _harness.AuthenticateAsync(order, approve: true);
        var forged = genuine with { Fields = genuine.Fields.ToDictionary(field => field.Key, field => field.Key == "TURKPOS_RETVAL_Sonuc" ? sonuc : field.Value) };

        var outcome = await _harness.PostReturnAsync(forged);

        outcome.Result.Should().Be(CallbackResult.Rejected);
        (await _harness.LedgerAsync(order)).Entries.Should().NotContain(entry => entry.State == LedgerEntryState.Refused, "no decline was recorded");
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Pending);
        _harness.Clock.Advance(TimeSpan.FromMinutes(20));
        await _harness.ReconcileAsync();
        _harness.Orders.Get(order.Id).PaymentStatus.Should().Be(PaymentStatus.Paid, "the sale Param made is found by the pending check");
        _harness.Orders.MarkedPaidCountOf(order.Id).Should().Be(1);
    }

    [Test, Category(TestCategories.Paratika)]
    public async Task ParatikaReturn_RefusesEveryMutation()
    {
        _harness = await CheckoutHarness.StartParatikaAsync();
        var other = await _harness.ParatikaCheckoutAsync();
        var otherCallback = await _harness.Sandbox.PayOnHostedPageAsync(await _harness.PostProcessAsync(other));
        (await _harness.PostParatikaReturnAsync(otherCallback)).Result.Should().Be(CallbackResult.Paid);
        var target = await _harness.ParatikaCheckoutAsync();
        var posted = await _harness.Sandbox.PayOnHostedPageAsync(await _harness.PostProcessAsync(target));
        // The legacy SD_SHA512 is left out, so that breaking sdSha512 breaks the signature.
        var genuine = posted with { Fields = posted.Fields.Where(field => field.Key != "SD_SHA512").ToDictionary(field => field.Key, field => field.Value) };

        await FuzzAsync(target, genuine, other, otherCallback, ["merchantPaymentId", "customerId", "sessionToken", "responseCode", "random", "sdSha512"], "sdSha512",
            form => _harness.InScopeAsync(services => services.GetRequiredService<ParatikaReturnHandler>().HandleAsync(form)), true, "paratika:REFUND", "paratika:VOID");
    }
}

/// <summary>
/// The counts of the proof tests: small enough for every CI run, the full counts with PARAMPOS_PROOF=full.
/// </summary>
public static class ProofCounts
{
    public static bool Full => string.Equals(Environment.GetEnvironmentVariable("PARAMPOS_PROOF"), "full", StringComparison.OrdinalIgnoreCase);

    /// <summary>Mutations per return endpoint.</summary>
    public static int Mutations => Full ? 1000 : 300;

    /// <summary>Soak sales one after another.</summary>
    public static int SequentialSales => Full ? 1000 : 60;

    /// <summary>Soak sales at concurrency 32.</summary>
    public static int ConcurrentSales => Full ? 200 : 64;
}
