import Vapor

/// The one stylesheet and the one script, compiled into the binary so the server needs no files beside it.
enum Assets {
    static let css = """
        *{box-sizing:border-box}
        html{font-size:17px;-webkit-text-size-adjust:100%}
        body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;
        color:#1d1d1f;
        background:#f6f4f1;line-height:1.6}
        a{color:#a0283c}
        .top{display:flex;flex-wrap:wrap;align-items:center;gap:.3rem 1rem;padding:.6rem 1rem;background:#a0283c;color:#fff}
        .top a{color:#fff}
        .brand{font-weight:700;font-size:1.25rem;text-decoration:none}
        .who{font-size:.9rem;flex:1 1 auto}
        .langs{font-size:.85rem}
        .menu{display:flex;flex-wrap:wrap;gap:.2rem;padding:.4rem .6rem;background:#fff;border-bottom:1px solid #e2dcd5}
        .menu a,.menu .link{display:inline-block;padding:.45rem .7rem;border-radius:.4rem;text-decoration:none;color:#333;
        font-size:1rem;
        min-height:2.4rem}
        .menu a.on{background:#f3e3e6;color:#a0283c;font-weight:600}
        form.inline{display:inline;margin:0}
        button.link{background:none;border:0;cursor:pointer;font:inherit}
        main{max-width:72rem;margin:0 auto;padding:1rem}
        footer{max-width:72rem;margin:2rem auto 1rem;padding:0 1rem;color:#777;font-size:.8rem}
        h1{font-size:1.4rem;margin:.4rem 0 1rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .6rem}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));gap:.7rem}
        .card{background:#fff;border:1px solid #e2dcd5;border-radius:.6rem;padding:.8rem}
        .card .n{font-size:1.7rem;font-weight:700;color:#a0283c;display:block}
        .card .k{font-size:.9rem;color:#555}
        .panel{background:#fff;border:1px solid #e2dcd5;border-radius:.6rem;padding:1rem;margin-bottom:1rem}
        .field{margin-bottom:.9rem}
        .field label{display:block;font-weight:600;margin-bottom:.25rem}
        .field input,.field select,.field textarea{width:100%;max-width:28rem;font:inherit;padding:.55rem .6rem;
        border:1px solid #b9b1a8;
        border-radius:.4rem;background:#fff;min-height:2.6rem}
        .field.invalid input,.field.invalid select,.field.invalid textarea{border:2px solid #c0392b;background:#fff6f5}
        .field-error{color:#b03020;margin:.2rem 0 0;font-size:.95rem}
        fieldset.panel{margin:0 0 1rem}
        legend{font-weight:700;font-size:1.05rem;padding:0 .3rem}
        .field .label{display:block;font-weight:600;margin-bottom:.25rem}
        label.check,.field.check label{display:flex;align-items:center;gap:.4rem;font-weight:400;min-height:2.4rem}
        label.check input,.field.check input{width:1.3rem;height:1.3rem;min-height:0}
        form.quick{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;margin-top:.5rem}
        form.quick .field{margin:0}
        button.small{padding:.2rem .6rem;min-height:2rem;font-size:.9rem}
        h1 small{font-size:1rem;font-weight:400;color:#555}
        .hint{display:block;color:#666;font-size:.85rem}
        .req{color:#b03020}
        .btn,button[type=submit]:not(.link){display:inline-block;font:inherit;padding:.55rem 1.1rem;border-radius:.45rem;border:0;
        background:#a0283c;color:#fff;cursor:pointer;min-height:2.6rem;text-decoration:none}
        .btn.secondary,button.secondary{background:#fff;color:#a0283c;border:1px solid #a0283c}
        button[type=submit].danger{background:#6b1d1d}
        button[type=submit].secondary{background:#fff;color:#a0283c;border:1px solid #a0283c}
        .alert{background:#fff0ee;border:1px solid #e0a49b;border-radius:.5rem;padding:.6rem .9rem;margin-bottom:1rem}
        .alert p{margin:.2rem 0;font-weight:600}
        .flash{background:#eef7ee;border:1px solid #9cc79c;border-radius:.5rem;padding:.6rem .9rem;margin-bottom:1rem}
        .secret{font-family:ui-monospace,monospace;font-size:1.3rem;background:#fff8e1;padding:.3rem .6rem;border-radius:.3rem;
        letter-spacing:.05em}
        .error-message{font-size:1.1rem}
        .scroll-hint{font-size:.85rem;color:#6b4d00;margin:.2rem 0}.scroll-hint:empty{display:none}
        table.stats th:first-child,table.stats td:first-child{position:sticky;left:0;background:#fff;z-index:1}
        .table-wrap{overflow-x:auto;background:#fff;border:1px solid #e2dcd5;border-radius:.6rem}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        th,td{text-align:left;padding:.5rem .6rem;border-bottom:1px solid #eee;vertical-align:top}
        th{background:#faf7f4;white-space:nowrap}
        .muted{color:#777}
        .tag{display:inline-block;font-size:.8rem;padding:0 .4rem;border-radius:.3rem;background:#eee;color:#444}
        .tag.warn{background:#fff1c9;color:#6b4d00}
        .tag.off{background:#f1d3d3;color:#7a1d1d}
        .tag.tier-critical{background:#b3141f;color:#fff;font-weight:700}.tag.tier-high{background:#f6c7a8;color:#6b2500}
        .tag.tier-medium{background:#fff1c9;color:#6b4d00}.tag.tier-normal{background:#e3efe3;color:#23502a}
        .alert-card{border:1px solid #ddd;border-left:6px solid #bbb;border-radius:.5rem;padding:.6rem .8rem;margin:.6rem 0;
        background:#fff}
        .alert-card.open{border-left-color:#e0a000}.alert-card.open.critical{border-left-color:#b3141f;background:#fff6f6}
        .alert-card.done{opacity:.75}
        .alert-card p{margin:.25rem 0}.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
        table.stats{border-collapse:collapse;min-width:100%}
        table.stats th,table.stats td{border-bottom:1px solid #e4e4e4;padding:.35rem .5rem;text-align:right;white-space:nowrap}
        table.stats th:first-child,table.stats td:first-child{text-align:left}
        .steps{list-style:none;padding-left:0}.steps li.done{color:#23502a}.steps li.todo{color:#7a1d1d}
        fieldset{border:1px solid #ddd;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .8rem}legend{font-weight:600}
        label.choice{display:inline-flex;align-items:center;gap:.25rem;margin:.3rem 1rem .3rem 0;min-height:2.4rem}
        fieldset.invalid{border:2px solid #c0392b}
        ul.plain{list-style:none;padding-left:0}ul.plain li{padding:.3rem 0;border-bottom:1px solid #eee}
        .row2{display:flex;flex-wrap:wrap;gap:0 1rem}.row2>.field{flex:1 1 9rem}
        fieldset.roster-row{display:flow-root;padding:.2rem .5rem .45rem;margin:0 0 .4rem}
        fieldset.roster-row legend{float:left;width:4.6rem;padding:.55rem .3rem 0 0;font-size:1.05rem;line-height:1.35;
        overflow-wrap:anywhere}
        .marks{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.3rem;margin-left:4.6rem;max-width:24rem}
        .marks label.choice{margin:0;min-height:2.75rem;display:flex;align-items:center;justify-content:center;gap:.35rem;
        text-align:center;line-height:1.2;padding:.25rem .2rem;border:1px solid #e2dcd5;border-radius:.4rem;background:#fff;
        font-size:1.05rem}
        .marks label.choice:has(input:checked){border-color:#a0283c;background:#f3e3e6}
        .marks input{width:1.35rem;height:1.35rem;margin:0;flex:none}
        fieldset.roster-row input[type=text]{clear:both;display:block;width:100%;max-width:28.6rem;margin-top:.35rem;
        padding:.3rem .4rem;font:inherit;font-size:.95rem;border:1px solid #b9b1a8;border-radius:.3rem}
        button.wide{width:100%;min-height:3rem;font-size:1.1rem}
        fieldset.picker details{border-top:1px solid #eee;padding:.3rem 0}
        fieldset.picker summary{cursor:pointer;font-weight:600;min-height:2.4rem}
        ul.checks{list-style:none;padding-left:0;margin:.2rem 0;display:grid;gap:0 .8rem;
        grid-template-columns:repeat(auto-fill,minmax(8rem,1fr))}
        ul.checks label{display:flex;align-items:center;gap:.4rem;min-height:2.4rem}ul.checks input{width:1.3rem;height:1.3rem;flex:none}
        .picker-find{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;margin:.4rem 0}.picker-find .field{margin:0;flex:1 1 10rem}
        svg rect.track{fill:#eee}svg rect.fill{fill:#a0283c}
        svg.siting-map{width:100%;height:auto;border:1px solid #ddd;border-radius:.5rem}svg .ground{fill:#fbfaf7}
        svg .kid{fill:#9a9a9a}svg .kid.tier-critical{fill:#b3141f}svg .kid.tier-high{fill:#e07b39}svg .station{fill:#23502a}
        svg .pick{fill:#a0283c;stroke:#fff}svg .reach{fill:#a0283c;fill-opacity:.08;stroke:#a0283c;stroke-dasharray:4 3}
        svg .cand{fill:none;stroke:#777}
        .check-row{display:flex;flex-wrap:wrap;align-items:center;gap:.2rem 0;border-bottom:1px solid #eee}
        .check-row>span{flex:1 0 7rem}
        textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #bbb;border-radius:.4rem;box-sizing:border-box}
        .filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;margin-bottom:1rem}
        .filters .field{margin:0}
        .filters input,.filters select{max-width:14rem}
        .pager{display:flex;gap:1rem;align-items:center;margin:.8rem 0}
        .crumbs{font-size:.9rem;margin-bottom:.5rem}
        dl.kv{display:grid;grid-template-columns:fit-content(40%) 1fr;gap:.3rem 1rem;margin:0}
        dl.kv dt{color:#666}
        dl.kv dd{margin:0}
        details.action{margin:.5rem 0;background:#fff;border:1px solid #e2dcd5;border-radius:.5rem;padding:.5rem .8rem}
        details.action summary{cursor:pointer;font-weight:600;min-height:2rem}
        pre.changes{white-space:pre-wrap;word-break:break-all;font-size:.8rem;margin:0}
        div.changes{font-size:.85rem;word-break:break-word}div.changes .change{margin:0 0 .15rem}div.changes .field{color:#555}
        @media (max-width:40rem){
          html{font-size:16px}
          main{padding:.7rem}
          .who{flex-basis:100%;order:3}
          table.stack thead{display:none}
          tr.noscreen{display:none!important}
          table.sheet-facts,table.sheet-facts tbody,table.sheet-facts tr{display:block}
          table.sheet-facts th,table.sheet-facts td{display:inline-block;border:0;padding:.15rem .4rem}
          table.sheet-facts td{min-width:60%}
          table.stack tr{display:block;border-bottom:1px solid #ddd;padding:.4rem 0}
          table.stack td{display:block;border:0;padding:.15rem .6rem}
          table.stack td[data-label]::before{content:attr(data-label) "\\FF1A";color:#777}
          .filters input,.filters select{max-width:100%}
          .filters .field{flex:1 1 100%}
          /* A roster's three marks: the word under its circle, so every language fits three equal boxes beside the name. */
          .marks label.choice{flex-direction:column;gap:.1rem}
        }
        .ledger{border-collapse:collapse;font-size:.8rem;width:100%}
        .ledger th,.ledger td{border:1px solid #999;padding:.2rem .3rem;vertical-align:top}
        .ledger th{background:#eee}.ledger-sign{margin-top:1.5rem}.ledger td:nth-child(2){white-space:nowrap}
        @media print{.top,.menu,footer,.filters,.pager,form,.noprint,details{display:none}body{background:#fff}main{max-width:none;
        padding:0}
        .ledger{font-size:9pt}.ledger thead{display:table-header-group}.ledger tr{break-inside:avoid}}
        @page{size:A4 landscape;margin:10mm}
        .pre{white-space:pre-wrap;overflow-wrap:anywhere}
        /* The mediation agreement: an A4 portrait page of its own, in the serif a signed paper is set in. */
        .agreement{max-width:44rem;margin:0 auto;font-family:"Songti SC","SimSun",serif;line-height:1.8}
        .agreement h1{text-align:center;letter-spacing:.3em}.agreement h2{font-size:1.05rem;margin:1rem 0 .2rem}
        .agreement-no{text-align:right}.agreement-signs p{margin:1.4rem 0}.agreement-date,.agreement-org{text-align:right}
        @page agreement{size:A4 portrait;margin:20mm}
        @media print{.agreement{page:agreement;max-width:none;font-size:12pt}}
        @media (min-width:40.01rem){#cases td:not(:last-child){white-space:nowrap}}
        """

    static let js = """
        // A kept form (after an expired session) is submitted again once its page loads; the button stays as a fallback.
        document.addEventListener('DOMContentLoaded', function () {
          var f = document.querySelector('form[data-autosubmit]');
          if (f) { f.submit(); }
          // A double tap on a slow phone must not send the same form twice.
          document.querySelectorAll('form[method=post]').forEach(function (f) {
            f.addEventListener('submit', function () {
              setTimeout(function () { f.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; }); }, 0);
            });
          });
          // A wide table on a narrow screen: say which columns are out of sight, and on which side.
          document.querySelectorAll('[data-hint-for]').forEach(function (hint) {
            var wrap = document.getElementById(hint.getAttribute('data-hint-for'));
            if (!wrap) { return; }
            var update = function () {
              var box = wrap.getBoundingClientRect(), names = [];
              wrap.querySelectorAll('thead th').forEach(function (th, i) {
                var r = th.getBoundingClientRect();
                var first = wrap.querySelector('thead th').getBoundingClientRect().width;
                if (i > 0 && (r.right > box.right + 2 || r.left < box.left + first - 2)) { names.push(th.textContent); }
              });
              var sep = hint.getAttribute('data-sep') || ', ';
              hint.textContent = names.length ? hint.getAttribute('data-template').replace('{0}', names.join(sep)) : '';
              hint.hidden = names.length === 0;
            };
            wrap.addEventListener('scroll', update, { passive: true });
            window.addEventListener('resize', update);
            update();
          });
          document.querySelectorAll('[data-print]').forEach(function (b) { b.addEventListener('click', function () { window.print(); }); });
          document.querySelectorAll('[data-confirm]').forEach(function (el) {
            el.addEventListener('submit', function (e) { if (!window.confirm(el.getAttribute('data-confirm'))) { e.preventDefault(); }
             });
          });
        });
        """

    static func serve(_ body: String, _ type: HTTPMediaType) -> Response {
        let res = Response(status: .ok, body: .init(string: body))
        res.headers.contentType = type
        res.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return res
    }
}
