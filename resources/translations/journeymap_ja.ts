<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
    <context>
        <name>ActionEditor</name>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Effort</source>
            <translation>工数</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>担当者</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
    </context>
    <context>
        <name>ActionPanel</name>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Effort</source>
            <translation>工数</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>担当者</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Effort 1–5</source>
            <translation>工数 1〜5</translation>
        </message>
        <message>
            <source>Due date, YYYY-MM-DD</source>
            <translation>期限（YYYY-MM-DD）</translation>
        </message>
        <message>
            <source>Add action</source>
            <translation>施策を追加</translation>
        </message>
        <message>
            <source>Delete action</source>
            <translation>施策を削除</translation>
        </message>
        <message>
            <source>Pain points this action addresses</source>
            <translation>この施策が対応するペインポイント</translation>
        </message>
        <message>
            <source>New action</source>
            <translation>新しい施策</translation>
        </message>
        <message>
            <source>%1 — %2 (severity %3)</source>
            <translation>%1 — %2（深刻度 %3）</translation>
        </message>
        <message>
            <source>Select an action to link it to pain points</source>
            <translation>施策を選ぶとペインポイントと関連付けられます</translation>
        </message>
        <message>
            <source>Pain points “%1” addresses</source>
            <translation>「%1」が対応するペインポイント</translation>
        </message>
        <message numerus="yes">
            <source>+ %n in other journeys</source>
            <translation>
                <numerusform>ほかのジャーニーに +%n 件</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>AgendaDialog</name>
        <message>
            <source>Workshop agenda</source>
            <translation>ワークショップのアジェンダ</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>ステップ</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>分</translation>
        </message>
        <message>
            <source>Add step</source>
            <translation>ステップを追加</translation>
        </message>
        <message>
            <source>New step</source>
            <translation>新しいステップ</translation>
        </message>
        <message>
            <source>Remove step</source>
            <translation>ステップを削除</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分</translation>
        </message>
    </context>
    <context>
        <name>AnalysisUI</name>
        <message>
            <source>Priorities</source>
            <translation>優先順位</translation>
        </message>
        <message>
            <source>Analyses</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>Action List (CSV)…</source>
            <translation>施策リスト (CSV)…</translation>
        </message>
        <message>
            <source>Action List (Excel)…</source>
            <translation>施策リスト (Excel)…</translation>
        </message>
        <message>
            <source>Action List (Markdown)…</source>
            <translation>施策リスト (Markdown)…</translation>
        </message>
        <message>
            <source>The prioritised list with its breakdowns</source>
            <translation>優先順位付きリストとその内訳</translation>
        </message>
        <message>
            <source>Import Survey &amp;Scores…</source>
            <translation>アンケートのスコアを取り込む(&amp;S)…</translation>
        </message>
        <message>
            <source>Scores 0–10 per touchpoint from a CSV file</source>
            <translation>CSV ファイルからタッチポイントごとのスコア（0〜10）</translation>
        </message>
        <message>
            <source>Export Action List</source>
            <translation>施策リストをエクスポート</translation>
        </message>
        <message>
            <source>Export the list of which journey?</source>
            <translation>どのジャーニーのリストをエクスポートしますか？</translation>
        </message>
        <message>
            <source>This journey (%1)</source>
            <translation>このジャーニー（%1）</translation>
        </message>
        <message>
            <source>Whole project</source>
            <translation>プロジェクト全体</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Excel (*.xlsx)</source>
            <translation>Excel (*.xlsx)</translation>
        </message>
        <message>
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <source>The action list could not be exported: %1</source>
            <translation>施策リストをエクスポートできませんでした：%1</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>%1 をエクスポートしました</translation>
        </message>
    </context>
    <context>
        <name>ChartsPanel</name>
        <message>
            <source>Analyses</source>
            <translation>分析</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>グラフ</translation>
        </message>
        <message>
            <source>&amp;Chart:</source>
            <translation>グラフ(&amp;C)：</translation>
        </message>
        <message>
            <source>Journey to compare with</source>
            <translation>比較するジャーニー</translation>
        </message>
        <message>
            <source>compared &amp;with:</source>
            <translation>比較対象(&amp;W)：</translation>
        </message>
        <message>
            <source>Handoff analysis as text</source>
            <translation>引き継ぎ分析（テキスト）</translation>
        </message>
        <message>
            <source>Experience profile</source>
            <translation>体験プロファイル</translation>
        </message>
        <message>
            <source>Influence heatmap</source>
            <translation>影響度ヒートマップ</translation>
        </message>
        <message>
            <source>Emotion curves</source>
            <translation>感情曲線</translation>
        </message>
        <message>
            <source>Channel mix</source>
            <translation>チャネル構成</translation>
        </message>
        <message>
            <source>Scenario NPS</source>
            <translation>シナリオ NPS</translation>
        </message>
        <message>
            <source>Handoffs</source>
            <translation>引き継ぎ</translation>
        </message>
        <message>
            <source>Segment comparison</source>
            <translation>セグメント比較</translation>
        </message>
        <message>
            <source>No project is open.</source>
            <translation>プロジェクトが開かれていません。</translation>
        </message>
        <message>
            <source>This chart cannot be drawn: %1</source>
            <translation>このグラフは描けません：%1</translation>
        </message>
        <message>
            <source>No journey.</source>
            <translation>ジャーニーがありません。</translation>
        </message>
    </context>
    <context>
        <name>ClipboardMixin</name>
        <message numerus="yes">
            <source>Copied %n card(s)</source>
            <translation>
                <numerusform>%n 枚のカードをコピーしました</numerusform>
            </translation>
        </message>
        <message>
            <source>The clipboard does not hold journeymap cards.</source>
            <translation>クリップボードに journeymap のカードがありません。</translation>
        </message>
    </context>
    <context>
        <name>ComparisonPanel</name>
        <message>
            <source>As-is journey</source>
            <translation>現状のジャーニー</translation>
        </message>
        <message>
            <source>To-be journey</source>
            <translation>あるべき姿のジャーニー</translation>
        </message>
        <message>
            <source>As-is</source>
            <translation>現状</translation>
        </message>
        <message>
            <source>To-be</source>
            <translation>あるべき姿</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>ステージ</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>役割</translation>
        </message>
        <message>
            <source>Emotion</source>
            <translation>感情</translation>
        </message>
        <message>
            <source>Pain impact</source>
            <translation>ペインの影響</translation>
        </message>
        <message>
            <source>Channels</source>
            <translation>チャネル</translation>
        </message>
        <message>
            <source>Handoffs</source>
            <translation>引き継ぎ</translation>
        </message>
        <message>
            <source>Choose an as-is journey and its to-be (Journey ▸ Make To-be Journey makes one).</source>
            <translation>現状のジャーニーとそのあるべき姿を選んでください（ジャーニー ▸ あるべき姿のジャーニーを作成 で作れます）。</translation>
        </message>
        <message>
            <source>Pain impact (without votes) %1 → %2; %3 of %4 stage × role cells differ.</source>
            <translation>ペインの影響（投票を除く） %1 → %2。%4 件のステージ×役割のうち %3 件が変化。</translation>
        </message>
        <message>
            <source>Added stages: %1.</source>
            <translation>追加されたステージ：%1。</translation>
        </message>
        <message>
            <source>Removed stages: %1.</source>
            <translation>なくなったステージ：%1。</translation>
        </message>
    </context>
    <context>
        <name>DocumentMixin</name>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存の変更</translation>
        </message>
        <message>
            <source>“%1” has changes that are not saved. Save them before closing?</source>
            <translation>「%1」には保存されていない変更があります。閉じる前に保存しますか？</translation>
        </message>
        <message>
            <source>Creating the project…</source>
            <translation>プロジェクトを作成しています…</translation>
        </message>
        <message>
            <source>Opening %1…</source>
            <translation>%1 を開いています…</translation>
        </message>
        <message>
            <source>Recovering…</source>
            <translation>復元しています…</translation>
        </message>
        <message>
            <source>Open project</source>
            <translation>プロジェクトを開く</translation>
        </message>
        <message>
            <source>journeymap projects (*.jmap)</source>
            <translation>journeymap プロジェクト (*.jmap)</translation>
        </message>
        <message>
            <source>Save project as</source>
            <translation>名前を付けてプロジェクトを保存</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>無題</translation>
        </message>
        <message>
            <source>Saving %1…</source>
            <translation>%1 を保存しています…</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 を保存しました</translation>
        </message>
        <message>
            <source>Exported %1</source>
            <translation>%1 をエクスポートしました</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>JSON をエクスポート</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Export Mermaid</source>
            <translation>Mermaid をエクスポート</translation>
        </message>
        <message>
            <source>Mermaid (*.mmd *.md *.txt)</source>
            <translation>Mermaid (*.mmd *.md *.txt)</translation>
        </message>
        <message>
            <source>No recent files</source>
            <translation>最近使ったファイルはありません</translation>
        </message>
        <message>
            <source>Clear List</source>
            <translation>一覧をクリア</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export map or report</source>
            <translation>マップ・レポートのエクスポート</translation>
        </message>
        <message>
            <source>Journey map (PDF)</source>
            <translation>ジャーニーマップ（PDF）</translation>
        </message>
        <message>
            <source>Report (PDF)</source>
            <translation>レポート（PDF）</translation>
        </message>
        <message>
            <source>Map image (PNG)</source>
            <translation>マップの画像（PNG）</translation>
        </message>
        <message>
            <source>Map drawing (SVG)</source>
            <translation>マップの図（SVG）</translation>
        </message>
        <message>
            <source>All journeys</source>
            <translation>すべてのジャーニー</translation>
        </message>
        <message>
            <source>A3 (landscape for the map)</source>
            <translation>A3（マップは横向き）</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>Paper of the map pages</source>
            <translation>マップのページの用紙</translation>
        </message>
        <message>
            <source>A4 portrait</source>
            <translation>A4 縦</translation>
        </message>
        <message>
            <source>A3 portrait</source>
            <translation>A3 縦</translation>
        </message>
        <message>
            <source>Paper of the report pages</source>
            <translation>レポートのページの用紙</translation>
        </message>
        <message>
            <source>Fit to one page (tiles if text would be tiny)</source>
            <translation>1ページに収める（文字が小さすぎる場合は分割）</translation>
        </message>
        <message>
            <source>Tile over several pages</source>
            <translation>複数ページに分割して印刷</translation>
        </message>
        <message>
            <source>Project language</source>
            <translation>プロジェクトの言語</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>参照…</translation>
        </message>
        <message>
            <source>Format:</source>
            <translation>形式：</translation>
        </message>
        <message>
            <source>Journey:</source>
            <translation>ジャーニー：</translation>
        </message>
        <message>
            <source>Map paper:</source>
            <translation>マップの用紙：</translation>
        </message>
        <message>
            <source>Report paper:</source>
            <translation>レポートの用紙：</translation>
        </message>
        <message>
            <source>Layout:</source>
            <translation>レイアウト：</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>言語：</translation>
        </message>
        <message>
            <source>Resolution:</source>
            <translation>解像度：</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>ファイル：</translation>
        </message>
        <message>
            <source>Preview of the first page</source>
            <translation>1ページ目のプレビュー</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>エクスポート</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG 画像 (*.png)</translation>
        </message>
        <message>
            <source>SVG drawing (*.svg)</source>
            <translation>SVG 図 (*.svg)</translation>
        </message>
        <message>
            <source>Export to</source>
            <translation>エクスポート先</translation>
        </message>
        <message>
            <source>Replace file?</source>
            <translation>ファイルを置き換えますか？</translation>
        </message>
        <message>
            <source>{0} already exists. Replace it?</source>
            <translation>{0} は既に存在します。置き換えますか？</translation>
        </message>
        <message>
            <source>Exporting…</source>
            <translation>エクスポートしています…</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>エクスポートに失敗しました</translation>
        </message>
        <message>
            <source>Characters without a font</source>
            <translation>フォントのない文字</translation>
        </message>
        <message>
            <source>No installed font can draw %1, so they show as boxes in the exported file. Install a font that has them (for emoji, an emoji font) or change the text.</source>
            <translation>%1 を描画できるフォントがインストールされていないため、書き出したファイルでは四角（□）で表示されます。その文字を含むフォント（絵文字なら絵文字フォント）をインストールするか、テキストを変更してください。</translation>
        </message>
        <message>
            <source>Export finished</source>
            <translation>エクスポートが完了しました</translation>
        </message>
        <message>
            <source>Wrote {0}</source>
            <translation>{0} を書き出しました</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>開く</translation>
        </message>
        <message>
            <source>Show in Folder</source>
            <translation>フォルダーに表示</translation>
        </message>
        <message>
            <source>Map, Report or Image (PDF, PNG, SVG)…</source>
            <translation>マップ・レポート・画像（PDF、PNG、SVG）…</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Filter:</source>
            <translation>フィルター：</translation>
        </message>
        <message>
            <source>Show role</source>
            <translation>表示する役割</translation>
        </message>
        <message>
            <source>Show dimension</source>
            <translation>表示する体験要素</translation>
        </message>
        <message>
            <source>Minimum severity</source>
            <translation>最小の深刻度</translation>
        </message>
        <message>
            <source>Any severity</source>
            <translation>すべての深刻度</translation>
        </message>
        <message>
            <source>Severity ≥ %1</source>
            <translation>深刻度 %1 以上</translation>
        </message>
        <message>
            <source>Search cards</source>
            <translation>カードを検索</translation>
        </message>
        <message>
            <source>Search cards and pain points</source>
            <translation>カードとペインポイントを検索</translation>
        </message>
        <message>
            <source>Enter: next match · Shift+Enter: previous match · Esc: close</source>
            <translation>Enter：次の一致 · Shift+Enter：前の一致 · Esc：閉じる</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter)</source>
            <translation>前の一致（Shift+Enter）</translation>
        </message>
        <message>
            <source>Next match (Enter)</source>
            <translation>次の一致（Enter）</translation>
        </message>
        <message>
            <source>Close the filter bar and clear the filter</source>
            <translation>フィルターバーを閉じて絞り込みを解除</translation>
        </message>
        <message>
            <source>Close filter bar</source>
            <translation>フィルターバーを閉じる</translation>
        </message>
        <message>
            <source>All roles</source>
            <translation>すべての役割</translation>
        </message>
        <message>
            <source>All dimensions</source>
            <translation>すべての体験要素</translation>
        </message>
        <message>
            <source>No match</source>
            <translation>一致なし</translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>%n 件一致</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HelpOverlay</name>
        <message>
            <source>PgDn / PgUp</source>
            <translation>PgDn / PgUp</translation>
        </message>
        <message>
            <source>Next / previous stage</source>
            <translation>次 / 前のステージ</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Home</translation>
        </message>
        <message>
            <source>Zoom to the current stage</source>
            <translation>現在のステージを拡大</translation>
        </message>
        <message>
            <source>End</source>
            <translation>End</translation>
        </message>
        <message>
            <source>Show the whole map</source>
            <translation>マップ全体を表示</translation>
        </message>
        <message>
            <source>N or Insert</source>
            <translation>N または Insert</translation>
        </message>
        <message>
            <source>Quick add a card to this stage</source>
            <translation>このステージにカードをすばやく追加</translation>
        </message>
        <message>
            <source>T</source>
            <translation>T</translation>
        </message>
        <message>
            <source>Start / pause the timer</source>
            <translation>タイマーの開始 / 一時停止</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>Reset the timer</source>
            <translation>タイマーをリセット</translation>
        </message>
        <message>
            <source>] / [</source>
            <translation>] / [</translation>
        </message>
        <message>
            <source>Next / previous agenda step</source>
            <translation>次 / 前のアジェンダ</translation>
        </message>
        <message>
            <source>V</source>
            <translation>V</translation>
        </message>
        <message>
            <source>Dot voting panel</source>
            <translation>ドット投票パネル</translation>
        </message>
        <message>
            <source>P / Shift+P</source>
            <translation>P / Shift+P</translation>
        </message>
        <message>
            <source>Next / previous participant</source>
            <translation>次 / 前の参加者</translation>
        </message>
        <message>
            <source>U</source>
            <translation>U</translation>
        </message>
        <message>
            <source>Take back my last dot</source>
            <translation>自分の最後のドットを取り消す</translation>
        </message>
        <message>
            <source>Ctrl+Z</source>
            <translation>Ctrl+Z</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>元に戻す</translation>
        </message>
        <message>
            <source>H</source>
            <translation>H</translation>
        </message>
        <message>
            <source>Hide / show vote totals</source>
            <translation>投票の合計を隠す / 表示</translation>
        </message>
        <message>
            <source>O</source>
            <translation>O</translation>
        </message>
        <message>
            <source>Open the room: participants join from their phones</source>
            <translation>ルームを開く：参加者が自分のスマートフォンから参加</translation>
        </message>
        <message>
            <source>F1 or ?</source>
            <translation>F1 または ?</translation>
        </message>
        <message>
            <source>Show / hide these keys</source>
            <translation>このキー一覧の表示 / 非表示</translation>
        </message>
        <message>
            <source>Leave workshop mode</source>
            <translation>ワークショップモードを終了</translation>
        </message>
        <message>
            <source>Esc or F11</source>
            <translation>Esc または F11</translation>
        </message>
        <message>
            <source>Workshop keys</source>
            <translation>ワークショップのキー操作</translation>
        </message>
    </context>
    <context>
        <name>ImpactChart</name>
        <message>
            <source>No pain points</source>
            <translation>ペインポイントなし</translation>
        </message>
        <message>
            <source>After</source>
            <translation>実施後</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>現在</translation>
        </message>
    </context>
    <context>
        <name>InfluenceMatrix</name>
        <message>
            <source>Influence matrix</source>
            <translation>影響度マトリクス</translation>
        </message>
        <message>
            <source>How much each role's voice weighs at each stage, 0–5. Type a number, or press + / − to change it and Delete to go back to the role's default (shown grey).</source>
            <translation>各ステージで各役割の声がどれだけ重いか（0〜5）。数値を入力するか、+ / − で増減し、Delete で役割の既定値（灰色）に戻します。</translation>
        </message>
        <message>
            <source>Influence of roles by stage</source>
            <translation>ステージ別の役割の影響度</translation>
        </message>
        <message>
            <source>Lower the weight (−)</source>
            <translation>重みを下げる（−）</translation>
        </message>
        <message>
            <source>Raise the weight (+)</source>
            <translation>重みを上げる（+）</translation>
        </message>
        <message>
            <source>Default</source>
            <translation>既定値</translation>
        </message>
        <message>
            <source>Back to the role's default (Delete)</source>
            <translation>役割の既定値に戻す（Delete）</translation>
        </message>
        <message>
            <source>Journey: %1</source>
            <translation>ジャーニー：%1</translation>
        </message>
        <message>
            <source>%1 at %2: %3 (the role's default)</source>
            <translation>%2 における %1：%3（役割の既定値）</translation>
        </message>
        <message>
            <source>%1 at %2: %3</source>
            <translation>%2 における %1：%3</translation>
        </message>
        <message>
            <source>Influence is already at %1 (0–5)</source>
            <translation>影響度はすでに %1 です（0〜5）</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>Inspector</source>
            <translation>インスペクター</translation>
        </message>
        <message>
            <source>Select a card, role, stage or action to edit it here.</source>
            <translation>カード、役割、ステージ、施策を選択すると、ここで編集できます。</translation>
        </message>
        <message numerus="yes">
            <source>%n cards selected</source>
            <translation>
                <numerusform>%n 枚のカードを選択中</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>JourneyEditor</name>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>セグメント</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>Journey</source>
            <translation>ジャーニー</translation>
        </message>
    </context>
    <context>
        <name>JourneyScene</name>
        <message>
            <source>Drag the round handle on the right edge to another card to draw a handoff.</source>
            <translation>カード右端の丸いハンドルを別のカードまでドラッグすると、引き継ぎを描けます。</translation>
        </message>
    </context>
    <context>
        <name>LegendOverlay</name>
        <message>
            <source>Legend</source>
            <translation>凡例</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>チャネル</translation>
        </message>
        <message>
            <source>Digital</source>
            <translation>デジタル</translation>
        </message>
        <message>
            <source>Human</source>
            <translation>対人</translation>
        </message>
        <message>
            <source>Physical</source>
            <translation>フィジカル</translation>
        </message>
        <message>
            <source>Handoff</source>
            <translation>引き継ぎ</translation>
        </message>
        <message>
            <source>Pain severity</source>
            <translation>ペインの深刻度</translation>
        </message>
        <message>
            <source>Influence</source>
            <translation>影響度</translation>
        </message>
        <message>
            <source>Emotion</source>
            <translation>感情</translation>
        </message>
    </context>
    <context>
        <name>LibraryDialog</name>
        <message>
            <source>Team Library</source>
            <translation>チームライブラリ</translation>
        </message>
        <message>
            <source>Library URL:</source>
            <translation>ライブラリの URL：</translation>
        </message>
        <message>
            <source>Library URL</source>
            <translation>ライブラリの URL</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>接続</translation>
        </message>
        <message>
            <source>Search title or client</source>
            <translation>タイトルまたはクライアントで検索</translation>
        </message>
        <message>
            <source>Search projects</source>
            <translation>プロジェクトを検索</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>クライアント</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>最終変更</translation>
        </message>
        <message>
            <source>By</source>
            <translation>変更者</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>開く(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;New…</source>
            <translation>新規(&amp;N)…</translation>
        </message>
        <message>
            <source>&amp;Publish Current Project</source>
            <translation>現在のプロジェクトを公開(&amp;P)</translation>
        </message>
        <message>
            <source>Save as .jmap…</source>
            <translation>.jmap として保存…</translation>
        </message>
        <message>
            <source>&amp;Delete…</source>
            <translation>削除(&amp;D)…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>The team library is not available in this installation: %1.</source>
            <translation>このインストールではチームライブラリを使えません：%1。</translation>
        </message>
        <message>
            <source>Projects kept on the team's PostgreSQL server. The password comes from your PostgreSQL password file (~/.pgpass) or is asked for; journeymap never stores it.</source>
            <translation>チームの PostgreSQL サーバーに保管されたプロジェクトです。パスワードは PostgreSQL のパスワードファイル（~/.pgpass）から読むか、その都度尋ねます。journeymap がパスワードを保存することはありません。</translation>
        </message>
        <message>
            <source>New library project</source>
            <translation>新しいライブラリプロジェクト</translation>
        </message>
        <message>
            <source>Title:</source>
            <translation>タイトル：</translation>
        </message>
        <message>
            <source>Save library project as</source>
            <translation>ライブラリプロジェクトを別名で保存</translation>
        </message>
        <message>
            <source>journeymap projects (*.jmap)</source>
            <translation>journeymap プロジェクト (*.jmap)</translation>
        </message>
        <message>
            <source>Password for %1:</source>
            <translation>%1 のパスワード：</translation>
        </message>
        <message>
            <source>%1 projects in the library</source>
            <translation>ライブラリのプロジェクト %1 件</translation>
        </message>
        <message>
            <source>Published “%1” to the library.</source>
            <translation>「%1」をライブラリに公開しました。</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 を保存しました</translation>
        </message>
        <message>
            <source>Delete “%1” from the team library for everyone? This cannot be undone.</source>
            <translation>「%1」をチームライブラリから全員分削除しますか？元に戻せません。</translation>
        </message>
        <message>
            <source>Deleted “%1”.</source>
            <translation>「%1」を削除しました。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>PySide6 reference-count work-around active (see the log)</source>
            <translation>PySide6 の参照カウント回避策が有効です（ログを参照）</translation>
        </message>
        <message>
            <source>Save As… to edit a copy</source>
            <translation>名前を付けて保存してコピーを編集…</translation>
        </message>
        <message>
            <source>Journey map</source>
            <translation>ジャーニーマップ</translation>
        </message>
        <message>
            <source>Zoom %1 %</source>
            <translation>ズーム %1%</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>プロジェクト</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>インスペクター</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Actions and analysis</source>
            <translation>施策と分析</translation>
        </message>
        <message>
            <source>&lt;opened&gt;</source>
            <translation>&lt;開いた時点&gt;</translation>
        </message>
        <message>
            <source>History</source>
            <translation>履歴</translation>
        </message>
        <message>
            <source>Title of the new card</source>
            <translation>新しいカードのタイトル</translation>
        </message>
        <message>
            <source>Untitled</source>
            <translation>無題</translation>
        </message>
        <message>
            <source>(read-only)</source>
            <translation>（読み取り専用）</translation>
        </message>
        <message>
            <source>&lt;b&gt;Read-only:&lt;/b&gt; “%1” is open in another journeymap window. You can look, but changes are not possible here.</source>
            <translation>&lt;b&gt;読み取り専用:&lt;/b&gt;「%1」は別の journeymap ウィンドウで開かれています。閲覧はできますが、変更はできません。</translation>
        </message>
        <message>
            <source>journeymap</source>
            <translation>journeymap</translation>
        </message>
        <message>
            <source>&amp;History</source>
            <translation>履歴(&amp;H)</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>メインツールバー</translation>
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation>元に戻す(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>やり直し(&amp;R)</translation>
        </message>
        <message>
            <source>Cu&amp;t</source>
            <translation>切り取り(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>コピー(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Paste</source>
            <translation>貼り付け(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation>削除(&amp;D)</translation>
        </message>
        <message>
            <source>Select &amp;All</source>
            <translation>すべて選択(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>検索(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>編集(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Open…</source>
            <translation>開く(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>プロジェクトファイルを開く</translation>
        </message>
        <message>
            <source>&amp;Save</source>
            <translation>保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the project</source>
            <translation>プロジェクトを保存</translation>
        </message>
        <message>
            <source>Save &amp;As…</source>
            <translation>名前を付けて保存(&amp;A)…</translation>
        </message>
        <message>
            <source>Project &amp;Properties…</source>
            <translation>プロジェクトのプロパティ(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>閉じる(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>JSON…</source>
            <translation>JSON…</translation>
        </message>
        <message>
            <source>Mermaid (this journey)…</source>
            <translation>Mermaid（このジャーニー）…</translation>
        </message>
        <message>
            <source>Team &amp;Library…</source>
            <translation>チームライブラリ(&amp;L)…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New from Template</source>
            <translation>テンプレートから新規作成(&amp;N)</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英語</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>日本語</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近使ったファイル(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>エクスポート(&amp;E)</translation>
        </message>
        <message>
            <source>Projects kept on the team's PostgreSQL server</source>
            <translation>チームの PostgreSQL サーバーに保管されたプロジェクト</translation>
        </message>
        <message>
            <source>Open Demo Project</source>
            <translation>デモプロジェクトを開く</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>キーボードショートカット(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Quick-Add Syntax</source>
            <translation>クイック追加の書式(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;User Guide</source>
            <translation>ユーザーガイド(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;About journeymap</source>
            <translation>journeymap について(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>Type a card in the quick-add line above the map and press Enter. Markers at the start of a word set the card's fields:</source>
            <translation>マップの上のクイック追加欄にカードを入力して Enter を押します。単語の先頭の記号でカードの項目を指定できます：</translation>
        </message>
        <message>
            <source>Tab / Shift+Tab picks the stage, Ctrl+Up / Ctrl+Down the lane.</source>
            <translation>Tab / Shift+Tab でステージ、Ctrl+↑ / Ctrl+↓ でレーンを選びます。</translation>
        </message>
        <message>
            <source>Quick-Add Syntax</source>
            <translation>クイック追加の書式</translation>
        </message>
        <message>
            <source>User Guide</source>
            <translation>ユーザーガイド</translation>
        </message>
        <message>
            <source>Open Externally</source>
            <translation>外部アプリで開く</translation>
        </message>
        <message>
            <source>About journeymap</source>
            <translation>journeymap について</translation>
        </message>
        <message>
            <source>Arrow keys</source>
            <translation>矢印キー</translation>
        </message>
        <message>
            <source>Move between cards</source>
            <translation>カード間を移動</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>Enter</translation>
        </message>
        <message>
            <source>Open the selected card in the inspector</source>
            <translation>選択したカードをインスペクターで開く</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>Delete</translation>
        </message>
        <message>
            <source>Delete the selection</source>
            <translation>選択したものを削除</translation>
        </message>
        <message>
            <source>Ctrl+wheel</source>
            <translation>Ctrl+ホイール</translation>
        </message>
        <message>
            <source>Zoom around the mouse pointer</source>
            <translation>マウス位置を中心に拡大・縮小</translation>
        </message>
        <message>
            <source>Space+drag or middle drag</source>
            <translation>Space+ドラッグ／中ボタンでドラッグ</translation>
        </message>
        <message>
            <source>Pan the map</source>
            <translation>マップを移動</translation>
        </message>
        <message>
            <source>Double-click an empty cell</source>
            <translation>空のセルをダブルクリック</translation>
        </message>
        <message>
            <source>Add a card there</source>
            <translation>そこにカードを追加</translation>
        </message>
        <message>
            <source>Drag from a card's round handle</source>
            <translation>カードの丸いハンドルからドラッグ</translation>
        </message>
        <message>
            <source>Draw a handoff to another card</source>
            <translation>ほかのカードへの引き継ぎを描く</translation>
        </message>
        <message>
            <source>Keyboard Shortcuts</source>
            <translation>キーボードショートカット</translation>
        </message>
        <message>
            <source>A card with this title</source>
            <translation>このタイトルのカード</translation>
        </message>
        <message>
            <source>Channel: #digital, #human or #physical (#d, #h, #p)</source>
            <translation>チャネル：#digital、#human、#physical（#d、#h、#p、#デジタル、#人、#物理）</translation>
        </message>
        <message>
            <source>Emotion from !-2 to !+2</source>
            <translation>感情：!-2 〜 !+2</translation>
        </message>
        <message>
            <source>A pain point with severity 1–5 (default 3)</source>
            <translation>深刻度 1〜5 のペインポイント（既定は 3）</translation>
        </message>
        <message>
            <source>Pain point with severity 5, frequency 2, dimension by id or name start</source>
            <translation>深刻度 5・頻度 2 のペインポイント。観点は ID か名前の先頭で指定</translation>
        </message>
        <message>
            <source>The same markers in Japanese</source>
            <translation>日本語でも同じ記号が使えます</translation>
        </message>
        <message>
            <source>A backslash keeps # ! ? as text</source>
            <translation>バックスラッシュを付けると # ! ? を文字として残せます</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>キー</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>例</translation>
        </message>
        <message>
            <source>Meaning</source>
            <translation>意味</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;journeymap %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Multi-role B2B customer journey maps with an explained, prioritised action list.&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;journeymap %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;複数の役割から見た B2B カスタマージャーニーマップと、根拠を説明できる優先順位付きの施策リスト。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Add &amp;Touchpoint</source>
            <translation>タッチポイントを追加(&amp;T)</translation>
        </message>
        <message>
            <source>Type new cards into the selected cell</source>
            <translation>選択したセルに新しいカードを入力</translation>
        </message>
        <message>
            <source>Add &amp;Stage…</source>
            <translation>ステージを追加(&amp;S)…</translation>
        </message>
        <message>
            <source>Add &amp;Role…</source>
            <translation>役割を追加(&amp;R)…</translation>
        </message>
        <message>
            <source>Add &amp;Phase…</source>
            <translation>フェーズを追加(&amp;P)…</translation>
        </message>
        <message>
            <source>Add &amp;Journey…</source>
            <translation>ジャーニーを追加(&amp;J)…</translation>
        </message>
        <message>
            <source>&amp;Influence Matrix…</source>
            <translation>影響度マトリクス(&amp;I)…</translation>
        </message>
        <message>
            <source>How much each role weighs at each stage</source>
            <translation>各ステージで各役割がどれだけ影響するか</translation>
        </message>
        <message>
            <source>Next Journey</source>
            <translation>次のジャーニー</translation>
        </message>
        <message>
            <source>Previous Journey</source>
            <translation>前のジャーニー</translation>
        </message>
        <message>
            <source>&amp;Journey</source>
            <translation>ジャーニー(&amp;J)</translation>
        </message>
        <message>
            <source>S&amp;witch Journey</source>
            <translation>ジャーニーを切り替え(&amp;W)</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>拡大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>縮小(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom to &amp;Fit</source>
            <translation>全体を表示(&amp;F)</translation>
        </message>
        <message>
            <source>Fit &amp;Width</source>
            <translation>幅に合わせる(&amp;W)</translation>
        </message>
        <message>
            <source>Show the map's full width, for presenting</source>
            <translation>マップの横幅全体を表示（発表用）</translation>
        </message>
        <message>
            <source>&amp;Legend</source>
            <translation>凡例(&amp;L)</translation>
        </message>
        <message>
            <source>Show what the colours, badges and icons on the map mean</source>
            <translation>マップの色・バッジ・アイコンの意味を表示</translation>
        </message>
        <message>
            <source>Zoom &amp;100 %</source>
            <translation>100% 表示(&amp;1)</translation>
        </message>
        <message>
            <source>Filter &amp;Bar</source>
            <translation>フィルターバー(&amp;B)</translation>
        </message>
        <message>
            <source>Filter cards by role, dimension and severity</source>
            <translation>役割・体験要素・深刻度でカードを絞り込む</translation>
        </message>
        <message>
            <source>F&amp;ull Screen</source>
            <translation>全画面表示(&amp;U)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>パネル(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>言語(&amp;L)</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システムに従う</translation>
        </message>
    </context>
    <context>
        <name>ProjectEditor</name>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Client</source>
            <translation>クライアント</translation>
        </message>
        <message>
            <source>Content language</source>
            <translation>内容の言語</translation>
        </message>
        <message>
            <source>Project</source>
            <translation>プロジェクト</translation>
        </message>
    </context>
    <context>
        <name>ProjectTree</name>
        <message>
            <source>Project</source>
            <translation>プロジェクト</translation>
        </message>
        <message>
            <source>Journeys</source>
            <translation>ジャーニー</translation>
        </message>
        <message>
            <source>To-be of %1</source>
            <translation>%1 のあるべき姿</translation>
        </message>
        <message>
            <source>Roles</source>
            <translation>役割</translation>
        </message>
        <message>
            <source>%1 (not in this journey)</source>
            <translation>%1（このジャーニーにはなし）</translation>
        </message>
        <message>
            <source>Stages</source>
            <translation>ステージ</translation>
        </message>
        <message>
            <source>New journey</source>
            <translation>新しいジャーニー</translation>
        </message>
        <message>
            <source>Name of the new journey (it starts with the stages and roles of the current one):</source>
            <translation>新しいジャーニーの名前（現在のジャーニーのステージと役割を引き継ぎます）：</translation>
        </message>
        <message>
            <source>New role</source>
            <translation>新しい役割</translation>
        </message>
        <message>
            <source>Name of the new role:</source>
            <translation>新しい役割の名前：</translation>
        </message>
        <message>
            <source>New stage</source>
            <translation>新しいステージ</translation>
        </message>
        <message>
            <source>Name of the new stage:</source>
            <translation>新しいステージの名前：</translation>
        </message>
        <message>
            <source>New phase</source>
            <translation>新しいフェーズ</translation>
        </message>
        <message>
            <source>Name of the new phase (a group of stages):</source>
            <translation>新しいフェーズの名前（ステージのまとまり）：</translation>
        </message>
        <message>
            <source>Rename</source>
            <translation>名前の変更</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>新しい名前：</translation>
        </message>
        <message>
            <source>Role colour</source>
            <translation>役割の色</translation>
        </message>
        <message>
            <source>Delete stage</source>
            <translation>ステージを削除</translation>
        </message>
        <message numerus="yes">
            <source>The stage “%1” holds %n card(s).</source>
            <translation>
                <numerusform>ステージ「%1」には %n 枚のカードがあります。</numerusform>
            </translation>
        </message>
        <message>
            <source>Move the cards to this stage:</source>
            <translation>カードの移動先のステージ：</translation>
        </message>
        <message>
            <source>Delete role</source>
            <translation>役割を削除</translation>
        </message>
        <message numerus="yes">
            <source>The role “%1” holds %n card(s) in this project.</source>
            <translation>
                <numerusform>役割「%1」には、このプロジェクトで %n 枚のカードがあります。</numerusform>
            </translation>
        </message>
        <message>
            <source>Move the cards to this role:</source>
            <translation>カードの移動先の役割：</translation>
        </message>
        <message>
            <source>Delete the cards too</source>
            <translation>カードも削除する</translation>
        </message>
        <message>
            <source>A project keeps at least one journey.</source>
            <translation>プロジェクトには少なくとも 1 つのジャーニーが必要です。</translation>
        </message>
        <message>
            <source>%1 (to-be)</source>
            <translation>%1（あるべき姿）</translation>
        </message>
        <message>
            <source>Delete journey</source>
            <translation>ジャーニーを削除</translation>
        </message>
        <message>
            <source>%1 is the as-is of %2. Deleting it keeps %2 as a plain journey, no longer compared with it. Delete %1?</source>
            <translation>%1 は %2 の現状ジャーニーです。削除すると %2 は比較対象のない通常のジャーニーとして残ります。%1 を削除しますか？</translation>
        </message>
        <message>
            <source>Remove role from journey</source>
            <translation>役割をジャーニーから外す</translation>
        </message>
        <message numerus="yes">
            <source>Remove the lane “%1” from this journey with its %n card(s)?</source>
            <translation>
                <numerusform>レーン「%1」を %n 枚のカードとともにこのジャーニーから外しますか？</numerusform>
            </translation>
        </message>
        <message>
            <source>Add journey…</source>
            <translation>ジャーニーを追加…</translation>
        </message>
        <message>
            <source>Add role…</source>
            <translation>役割を追加…</translation>
        </message>
        <message>
            <source>Add stage…</source>
            <translation>ステージを追加…</translation>
        </message>
        <message>
            <source>Add phase…</source>
            <translation>フェーズを追加…</translation>
        </message>
        <message>
            <source>Switch to this journey</source>
            <translation>このジャーニーに切り替え</translation>
        </message>
        <message>
            <source>Make to-be journey</source>
            <translation>あるべき姿のジャーニーを作成</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>名前の変更…</translation>
        </message>
        <message>
            <source>Change colour…</source>
            <translation>色を変更…</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>左へ移動</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>右へ移動</translation>
        </message>
        <message>
            <source>Move up</source>
            <translation>上へ移動</translation>
        </message>
        <message>
            <source>Move down</source>
            <translation>下へ移動</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>フェーズ</translation>
        </message>
        <message>
            <source>(no phase)</source>
            <translation>（フェーズなし）</translation>
        </message>
        <message>
            <source>Remove from this journey…</source>
            <translation>このジャーニーから外す…</translation>
        </message>
        <message>
            <source>Show in this journey</source>
            <translation>このジャーニーに表示</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>削除…</translation>
        </message>
    </context>
    <context>
        <name>ProjectionPanel</name>
        <message>
            <source>Actions taken into account</source>
            <translation>対象にする施策</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>ステージ</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>役割</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>現在</translation>
        </message>
        <message>
            <source>After</source>
            <translation>実施後</translation>
        </message>
        <message>
            <source>Resolved</source>
            <translation>解消</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Pain impact today %1; after the chosen actions %2 (%3% fixed, the rest left).</source>
            <translation>ペインの影響は現在 %1、選んだ施策の実施後 %2（%3% を解消、残りは未解決）。</translation>
        </message>
        <message>
            <source>This journey has no pain points to fix.</source>
            <translation>このジャーニーには解消すべきペインポイントがありません。</translation>
        </message>
    </context>
    <context>
        <name>QuickAddBar</name>
        <message>
            <source>Quick add:</source>
            <translation>クイック追加：</translation>
        </message>
        <message>
            <source>Role of the new card</source>
            <translation>新しいカードの役割</translation>
        </message>
        <message>
            <source>Lane of the new card (Ctrl+Up / Ctrl+Down)</source>
            <translation>新しいカードのレーン（Ctrl+↑ / Ctrl+↓）</translation>
        </message>
        <message>
            <source>Stage of the new card</source>
            <translation>新しいカードのステージ</translation>
        </message>
        <message>
            <source>Stage of the new card (Tab / Shift+Tab)</source>
            <translation>新しいカードのステージ（Tab / Shift+Tab）</translation>
        </message>
        <message>
            <source>New card title</source>
            <translation>新しいカードのタイトル</translation>
        </message>
        <message>
            <source>Type a card title and press Enter — e.g. Request a quote #human !-1 ?Slow answer:4</source>
            <translation>カードのタイトルを入力して Enter — 例：見積依頼 #human !-1 ?回答が遅い:4</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;Quick add&lt;/b&gt;: type a title, press Enter, type the next one.&lt;/p&gt;&lt;p&gt;Tab / Shift+Tab: next / previous stage. Ctrl+Up / Ctrl+Down: previous / next role. Esc: back to the map.&lt;/p&gt;&lt;p&gt;Inline syntax:&lt;br&gt;&lt;code&gt;#digital&lt;/code&gt;, &lt;code&gt;#human&lt;/code&gt;, &lt;code&gt;#physical&lt;/code&gt; channel (&lt;code&gt;#digital:portal&lt;/code&gt; adds a detail)&lt;br&gt;&lt;code&gt;!-2&lt;/code&gt; … &lt;code&gt;!+2&lt;/code&gt; emotion&lt;br&gt;&lt;code&gt;?Slow quote:4&lt;/code&gt; pain point with severity 4 (&lt;code&gt;?Slow quote:4/2@ease&lt;/code&gt;: frequency 2, dimension Ease)&lt;br&gt;&lt;code&gt;\#&lt;/code&gt; types a literal #.&lt;/p&gt;&lt;p&gt;Example: &lt;code&gt;Request a quote #human !-1 ?Slow quote:4&lt;/code&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;クイック追加&lt;/b&gt;：タイトルを入力して Enter を押し、続けて次を入力します。&lt;/p&gt;&lt;p&gt;Tab / Shift+Tab：次 / 前のステージ。Ctrl+↑ / Ctrl+↓：前 / 次の役割。Esc：マップに戻る。&lt;/p&gt;&lt;p&gt;インライン記法：&lt;br&gt;&lt;code&gt;#digital&lt;/code&gt;、&lt;code&gt;#human&lt;/code&gt;、&lt;code&gt;#physical&lt;/code&gt; チャネル（&lt;code&gt;#digital:portal&lt;/code&gt; で詳細を追加）&lt;br&gt;&lt;code&gt;!-2&lt;/code&gt; … &lt;code&gt;!+2&lt;/code&gt; 感情&lt;br&gt;&lt;code&gt;?見積が遅い:4&lt;/code&gt; 深刻度 4 のペインポイント（&lt;code&gt;?見積が遅い:4/2@ease&lt;/code&gt;：頻度 2、体験要素 Ease）&lt;br&gt;&lt;code&gt;\#&lt;/code&gt; で # そのものを入力。&lt;/p&gt;&lt;p&gt;例：&lt;code&gt;見積依頼 #human !-1 ?見積が遅い:4&lt;/code&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Type a title for the card</source>
            <translation>カードのタイトルを入力してください</translation>
        </message>
        <message>
            <source>Unknown channel %1: use #digital, #human or #physical</source>
            <translation>不明なチャネル %1：#digital、#human、#physical のいずれかを使ってください</translation>
        </message>
        <message>
            <source>Emotion %1 must be from !-2 to !+2</source>
            <translation>感情 %1 は !-2〜!+2 で指定してください</translation>
        </message>
        <message>
            <source>Severity in %1 must be from 1 to 5</source>
            <translation>%1 の深刻度は 1〜5 で指定してください</translation>
        </message>
        <message>
            <source>Frequency in %1 must be from 1 to 5</source>
            <translation>%1 の頻度は 1〜5 で指定してください</translation>
        </message>
        <message>
            <source>The pain point %1 needs a title</source>
            <translation>ペインポイント %1 にはタイトルが必要です</translation>
        </message>
        <message>
            <source>%1: no single dimension has this name</source>
            <translation>%1：この名前の体験要素が 1 つに決まりません</translation>
        </message>
    </context>
    <context>
        <name>RankingModel</name>
        <message>
            <source>Rank</source>
            <translation>順位</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>優先度</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>深刻度</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>票数</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Pain point</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>idea</source>
            <translation>アイデア</translation>
        </message>
        <message>
            <source>planned</source>
            <translation>計画済み</translation>
        </message>
        <message>
            <source>doing</source>
            <translation>実施中</translation>
        </message>
        <message>
            <source>done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>dropped</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Priority of an action; impact of a pain point</source>
            <translation>施策の優先度、ペインポイントのインパクト</translation>
        </message>
        <message>
            <source>Severity 1–5 (for an action: the highest it addresses)</source>
            <translation>深刻度 1〜5（施策は対応するものの最大値）</translation>
        </message>
    </context>
    <context>
        <name>RankingPanel</name>
        <message>
            <source>Priorities</source>
            <extracomment>touchpoint ids to emphasise on the canvas (empty: none); ``True`` to show them</extracomment>
            <translation>優先順位</translation>
        </message>
        <message>
            <source>Scope of the list</source>
            <translation>リストの範囲</translation>
        </message>
        <message>
            <source>This journey</source>
            <translation>このジャーニー</translation>
        </message>
        <message>
            <source>Whole project</source>
            <translation>プロジェクト全体</translation>
        </message>
        <message>
            <source>Rank the current journey or every journey together</source>
            <translation>現在のジャーニー、またはすべてのジャーニーをまとめて順位付け</translation>
        </message>
        <message>
            <source>&amp;Scope:</source>
            <translation>範囲(&amp;S)：</translation>
        </message>
        <message>
            <source>Summary of the list</source>
            <translation>リストの概要</translation>
        </message>
        <message>
            <source>Weights…</source>
            <translation>重み…</translation>
        </message>
        <message>
            <source>Edit vote and dimension weights</source>
            <translation>投票と体験要素の重みを編集</translation>
        </message>
        <message>
            <source>Vote weight and dimension weights of the project</source>
            <translation>プロジェクトの投票の重みと体験要素の重み</translation>
        </message>
        <message>
            <source>Actions by priority</source>
            <translation>優先度順の施策</translation>
        </message>
        <message>
            <source>No action to rank.</source>
            <translation>順位付けする施策はありません。</translation>
        </message>
        <message>
            <source>Pain points no action addresses, by impact</source>
            <translation>施策が対応していないペインポイント（インパクト順）</translation>
        </message>
        <message>
            <source>No unaddressed pain point to rank.</source>
            <translation>施策が対応していないペインポイントはありません。</translation>
        </message>
        <message>
            <source>Breakdown of the selected row</source>
            <translation>選択した行の内訳</translation>
        </message>
        <message>
            <source>No project is open.</source>
            <translation>プロジェクトが開かれていません。</translation>
        </message>
        <message>
            <source>Done: actions finished, with what they addressed</source>
            <translation>完了：終わった施策と対応したペインポイント</translation>
        </message>
        <message>
            <source>No action is done yet.</source>
            <translation>完了した施策はまだありません。</translation>
        </message>
        <message>
            <source>1 action</source>
            <translation>施策 1 件</translation>
        </message>
        <message>
            <source>%1 actions</source>
            <translation>施策 %1 件</translation>
        </message>
        <message>
            <source>1 unaddressed pain point</source>
            <translation>未対応のペインポイント 1 件</translation>
        </message>
        <message>
            <source>%1 unaddressed pain points</source>
            <translation>未対応のペインポイント %1 件</translation>
        </message>
        <message>
            <source>%1 done</source>
            <translation>完了 %1 件</translation>
        </message>
        <message>
            <source>Select a row to see how its priority is computed: every factor, its value and where it comes from.</source>
            <translation>行を選ぶと、優先度の計算方法（各要素、その値と出どころ）が表示されます。</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>注記</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Pain point</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Priority</source>
            <translation>優先度</translation>
        </message>
        <message>
            <source>Impact</source>
            <translation>インパクト</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>体験要素</translation>
        </message>
        <message>
            <source>Factor</source>
            <translation>係数</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
        <message>
            <source>Where it comes from</source>
            <translation>根拠</translation>
        </message>
        <message>
            <source>Sum of the impacts (+) of the pain points it addresses, times the multipliers (×).</source>
            <translation>対応するペインポイントのインパクトの合計（+）に係数（×）を掛けたもの。</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>深刻度</translation>
        </message>
        <message>
            <source>Frequency</source>
            <translation>頻度</translation>
        </message>
        <message>
            <source>Influence</source>
            <translation>影響度</translation>
        </message>
        <message>
            <source>Dimension weight</source>
            <translation>体験要素の重み</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>票数</translation>
        </message>
        <message>
            <source>Effort</source>
            <translation>工数</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Recover unsaved work</source>
            <translation>保存されていない作業の復元</translation>
        </message>
        <message>
            <source>journeymap closed without saving these projects. Their last changes are kept; choose what to do with each.</source>
            <translation>journeymap はこれらのプロジェクトを保存せずに終了しました。最後の変更は残っています。それぞれの扱いを選んでください。</translation>
        </message>
        <message>
            <source>Untitled project</source>
            <translation>無題のプロジェクト</translation>
        </message>
        <message>
            <source>never saved</source>
            <translation>未保存</translation>
        </message>
        <message>
            <source>last change %1</source>
            <translation>最終変更 %1</translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>復元</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>破棄</translation>
        </message>
        <message>
            <source>Later</source>
            <translation>後で</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>続行</translation>
        </message>
    </context>
    <context>
        <name>RoleEditor</name>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>色</translation>
        </message>
        <message>
            <source>Default influence</source>
            <translation>既定の影響度</translation>
        </message>
        <message>
            <source>Weight 0–5 of this role where the journey's influence matrix sets none</source>
            <translation>ジャーニーの影響度マトリクスに設定がないときの、この役割の重み（0〜5）</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>Persona</source>
            <translation>ペルソナ</translation>
        </message>
        <message>
            <source>The person behind this role at the customer</source>
            <translation>顧客側でこの役割を担う人物像</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>写真</translation>
        </message>
        <message>
            <source>Choose photo…</source>
            <translation>写真を選ぶ…</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>写真を外す</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>プロフィール</translation>
        </message>
        <message>
            <source>One per line</source>
            <translation>1 行に 1 項目</translation>
        </message>
        <message>
            <source>Goals</source>
            <translation>目標</translation>
        </message>
        <message>
            <source>Decision criteria</source>
            <translation>判断基準</translation>
        </message>
        <message>
            <source>What they judge a supplier by; one per line</source>
            <translation>サプライヤーを何で評価するか（1 行に 1 項目）</translation>
        </message>
        <message>
            <source>Worries</source>
            <translation>不安・懸念</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>ひとこと</translation>
        </message>
        <message>
            <source>Headcount</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>People counted in this role at the customer (empty: not known)</source>
            <translation>顧客側でこの役割を担う人数（空欄：不明）</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2</source>
            <translation>%1 を読み込めません：%2</translation>
        </message>
        <message>
            <source>Persona photo</source>
            <translation>ペルソナの写真</translation>
        </message>
        <message>
            <source>Pictures (*.png *.jpg *.jpeg)</source>
            <translation>画像 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>No photo</source>
            <translation>写真なし</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>役割</translation>
        </message>
        <message>
            <source>Role colour</source>
            <translation>役割の色</translation>
        </message>
    </context>
    <context>
        <name>RoundSummaryDialog</name>
        <message>
            <source>Voting results</source>
            <translation>投票結果</translation>
        </message>
        <message>
            <source>Votes per target</source>
            <translation>対象ごとの投票数</translation>
        </message>
        <message>
            <source>Votes</source>
            <translation>票数</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>種類</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>対象</translation>
        </message>
        <message>
            <source>Pain point</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Ranking now (top 5)</source>
            <translation>現在の優先順位（上位 5 件）</translation>
        </message>
        <message numerus="yes">
            <source>%n vote(s)</source>
            <translation>
                <numerusform>%n 票</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Application</source>
            <translation>アプリケーション</translation>
        </message>
        <message>
            <source>Interface language</source>
            <translation>表示言語</translation>
        </message>
        <message>
            <source>System</source>
            <translation>システムに従う</translation>
        </message>
        <message>
            <source>Interface language:</source>
            <translation>表示言語：</translation>
        </message>
        <message>
            <source>Team library URL</source>
            <translation>チームライブラリの URL</translation>
        </message>
        <message>
            <source>The password is read from ~/.pgpass or asked for; journeymap never stores it.</source>
            <translation>パスワードは ~/.pgpass から読むか、その都度尋ねます。journeymap が保存することはありません。</translation>
        </message>
        <message>
            <source>Team library URL:</source>
            <translation>チームライブラリの URL：</translation>
        </message>
        <message>
            <source>Project: prioritisation</source>
            <translation>プロジェクト：優先順位付け</translation>
        </message>
        <message>
            <source>Weights from 0 to 10. The vote weight says how much dot votes raise a score; a dimension weight multiplies the impact of its pain points (1 = neutral).</source>
            <translation>重みは 0〜10 です。投票の重みは、ドット投票がスコアをどれだけ押し上げるかを決めます。体験要素の重みは、そのペインポイントのインパクトに掛かります（1 = 中立）。</translation>
        </message>
        <message>
            <source>Vote weight</source>
            <translation>投票の重み</translation>
        </message>
        <message>
            <source>Vote weight:</source>
            <translation>投票の重み：</translation>
        </message>
        <message>
            <source>1 (default)</source>
            <translation>1（既定値）</translation>
        </message>
        <message>
            <source>Weight of %1</source>
            <translation>%1 の重み</translation>
        </message>
        <message>
            <source>%1:</source>
            <translation>%1：</translation>
        </message>
        <message>
            <source>%1 must be a number (not %2)</source>
            <translation>%1 は数値で入力してください（%2 は不可）</translation>
        </message>
        <message>
            <source>Project settings</source>
            <translation>プロジェクト設定</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>設定(&amp;S)…</translation>
        </message>
        <message>
            <source>Interface language, vote weight and dimension weights</source>
            <translation>表示言語、投票の重み、体験要素の重み</translation>
        </message>
    </context>
    <context>
        <name>StageBanner</name>
        <message>
            <source>Whole map</source>
            <translation>マップ全体</translation>
        </message>
        <message>
            <source>Stage %1 of %2: %3</source>
            <translation>ステージ %1/%2：%3</translation>
        </message>
        <message>
            <source>F1: keys · Esc: leave workshop mode</source>
            <translation>F1：キー一覧 · Esc：ワークショップモードを終了</translation>
        </message>
    </context>
    <context>
        <name>StageEditor</name>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>フェーズ</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>ステージ</translation>
        </message>
        <message>
            <source>(no phase)</source>
            <translation>（フェーズなし）</translation>
        </message>
    </context>
    <context>
        <name>StartScreen</name>
        <message>
            <source>journeymap</source>
            <translation>journeymap</translation>
        </message>
        <message>
            <source>Multi-role B2B customer journey maps, with an explained list of what to improve first.</source>
            <translation>複数の役割から見た B2B カスタマージャーニーマップと、何から改善すべきかを説明付きで示すリスト。</translation>
        </message>
        <message>
            <source>Open demo project</source>
            <translation>デモプロジェクトを開く</translation>
        </message>
        <message>
            <source>A complete B2B industrial procurement example, in your language</source>
            <translation>B2B 産業調達の完全なサンプル（表示言語で）</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>開く…</translation>
        </message>
        <message>
            <source>Open a project file</source>
            <translation>プロジェクトファイルを開く</translation>
        </message>
        <message>
            <source>New project from a template</source>
            <translation>テンプレートから新規プロジェクト</translation>
        </message>
        <message>
            <source>English</source>
            <translation>英語</translation>
        </message>
        <message>
            <source>Japanese</source>
            <translation>日本語</translation>
        </message>
        <message>
            <source>New project “%1” (%2)</source>
            <translation>新規プロジェクト「%1」（%2）</translation>
        </message>
        <message>
            <source>Recent files</source>
            <translation>最近使ったファイル</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>開く</translation>
        </message>
        <message>
            <source>Open the selected recent file</source>
            <translation>選択した最近のファイルを開く</translation>
        </message>
        <message>
            <source>Projects you open or save appear here.</source>
            <translation>開いたり保存したりしたプロジェクトがここに表示されます。</translation>
        </message>
        <message>
            <source>%1 (not found)</source>
            <translation>%1（見つかりません）</translation>
        </message>
    </context>
    <context>
        <name>SurveyDialog</name>
        <message>
            <source>Import Survey Scores</source>
            <translation>アンケートのスコアを取り込む</translation>
        </message>
        <message>
            <source>Survey file</source>
            <extracomment>survey label (normalised) → touchpoint id, as confirmed in the pairing table; starts with the pairings remembered in the project for the chosen journey</extracomment>
            <translation>アンケートファイル</translation>
        </message>
        <message>
            <source>&amp;Choose File…</source>
            <translation>ファイルを選択(&amp;C)…</translation>
        </message>
        <message>
            <source>Choose the survey CSV file</source>
            <translation>アンケートの CSV ファイルを選択</translation>
        </message>
        <message>
            <source>Journey</source>
            <translation>ジャーニー</translation>
        </message>
        <message>
            <source>Column naming the touchpoint</source>
            <translation>タッチポイントを示す列</translation>
        </message>
        <message>
            <source>Column holding the score 0–10</source>
            <translation>スコア（0〜10）の列</translation>
        </message>
        <message>
            <source>&amp;Add to the scores already there</source>
            <translation>既存のスコアに追加(&amp;A)</translation>
        </message>
        <message>
            <source>Append to existing scores</source>
            <translation>既存のスコアに追加</translation>
        </message>
        <message>
            <source>&amp;Replace the scores of matched touchpoints</source>
            <translation>一致したタッチポイントのスコアを置き換え(&amp;R)</translation>
        </message>
        <message>
            <source>Replace existing scores</source>
            <translation>既存のスコアを置き換え</translation>
        </message>
        <message>
            <source>&amp;File:</source>
            <translation>ファイル(&amp;F)：</translation>
        </message>
        <message>
            <source>&amp;Journey:</source>
            <translation>ジャーニー(&amp;J)：</translation>
        </message>
        <message>
            <source>&amp;Touchpoint column:</source>
            <translation>タッチポイントの列(&amp;T)：</translation>
        </message>
        <message>
            <source>&amp;Score column:</source>
            <translation>スコアの列(&amp;S)：</translation>
        </message>
        <message>
            <source>Existing scores:</source>
            <translation>既存のスコア：</translation>
        </message>
        <message>
            <source>Preview of the first rows</source>
            <translation>先頭行のプレビュー</translation>
        </message>
        <message>
            <source>What the import will do</source>
            <translation>取り込みの内容</translation>
        </message>
        <message>
            <source>Survey labels that name no touchpoint: pair each with a touchpoint (suggestions first), or leave it unmatched.</source>
            <translation>どのタッチポイントにも一致しないアンケートのラベルです。それぞれをタッチポイントと対応付けるか（候補が先頭）、未対応のままにしてください。</translation>
        </message>
        <message>
            <source>Pair survey labels with touchpoints</source>
            <translation>アンケートのラベルとタッチポイントの対応付け</translation>
        </message>
        <message>
            <source>Survey label</source>
            <translation>アンケートのラベル</translation>
        </message>
        <message>
            <source>Touchpoint</source>
            <translation>タッチポイント</translation>
        </message>
        <message>
            <source>Use the &amp;suggestions</source>
            <translation>候補を使う(&amp;S)</translation>
        </message>
        <message>
            <source>Pair every unpaired label with its most similar touchpoint</source>
            <translation>未対応のラベルをそれぞれ最も似たタッチポイントに対応付ける</translation>
        </message>
        <message>
            <source>&amp;Import</source>
            <translation>取り込む(&amp;I)</translation>
        </message>
        <message>
            <source>Import the scores</source>
            <translation>スコアを取り込む</translation>
        </message>
        <message>
            <source>Preview (first rows):</source>
            <translation>プレビュー（先頭行）：</translation>
        </message>
        <message>
            <source>Choose survey file</source>
            <translation>アンケートファイルを選択</translation>
        </message>
        <message>
            <source>CSV files (*.csv *.txt *.tsv);;All files (*)</source>
            <translation>CSV ファイル (*.csv *.txt *.tsv);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>(column %1)</source>
            <translation>（%1 列目）</translation>
        </message>
        <message>
            <source>Choose a CSV file with one row per answer: a touchpoint (id or title) and a score 0–10.</source>
            <translation>1 回答 1 行の CSV ファイルを選んでください：タッチポイント（ID またはタイトル）とスコア（0〜10）。</translation>
        </message>
        <message>
            <source>Touchpoint for “%1”</source>
            <translation>「%1」のタッチポイント</translation>
        </message>
        <message>
            <source>(leave unmatched)</source>
            <translation>（未対応のまま）</translation>
        </message>
        <message>
            <source>%1 (suggested)</source>
            <translation>%1（候補）</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 of %2 rows&lt;/b&gt; give scores to &lt;b&gt;%3 touchpoints&lt;/b&gt;.</source>
            <translation>&lt;b&gt;%2 行中 %1 行&lt;/b&gt;が &lt;b&gt;%3 件のタッチポイント&lt;/b&gt;にスコアを付けます。</translation>
        </message>
        <message>
            <source>Matched (number of scores): %1</source>
            <translation>一致（スコア数）：%1</translation>
        </message>
        <message>
            <source>Skipped %1 rows: %2</source>
            <translation>%1 行をスキップ：%2</translation>
        </message>
        <message>
            <source>No touchpoint of this journey is called: %1</source>
            <translation>このジャーニーにはこの名前のタッチポイントがありません：%1</translation>
        </message>
        <message>
            <source>Paired by you: %1 label(s)</source>
            <translation>対応付けたラベル: %1 件</translation>
        </message>
        <message>
            <source>Pairings dropped because their touchpoint is gone: %1</source>
            <translation>タッチポイントがなくなったため外した対応付け: %1</translation>
        </message>
        <message>
            <source>Nothing to import: no row names a touchpoint of this journey.</source>
            <translation>取り込むものがありません：このジャーニーのタッチポイントを示す行がありません。</translation>
        </message>
        <message>
            <source>These scores are already there: nothing changed.</source>
            <translation>これらのスコアはすでにあります。変更はありません。</translation>
        </message>
        <message>
            <source>The survey cannot be imported: %1</source>
            <translation>アンケートを取り込めません：%1</translation>
        </message>
        <message>
            <source>blank score</source>
            <translation>スコアが空欄</translation>
        </message>
        <message>
            <source>blank touchpoint</source>
            <translation>タッチポイントが空欄</translation>
        </message>
        <message>
            <source>not a number</source>
            <translation>数値ではない</translation>
        </message>
        <message>
            <source>not a whole number</source>
            <translation>整数ではない</translation>
        </message>
        <message>
            <source>outside 0–10</source>
            <translation>0〜10 の範囲外</translation>
        </message>
        <message>
            <source>no such touchpoint</source>
            <translation>該当するタッチポイントなし</translation>
        </message>
        <message>
            <source>several touchpoints have this title</source>
            <translation>同じタイトルのタッチポイントが複数あり</translation>
        </message>
    </context>
    <context>
        <name>TimerOverlay</name>
        <message>
            <source>Time left</source>
            <translation>残り時間</translation>
        </message>
        <message>
            <source>Previous agenda step ([)</source>
            <translation>前のアジェンダ（[）</translation>
        </message>
        <message>
            <source>Next agenda step (])</source>
            <translation>次のアジェンダ（]）</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>リセット</translation>
        </message>
        <message>
            <source>Back to the full time of this step (R)</source>
            <translation>このステップの時間を最初に戻す（R）</translation>
        </message>
        <message>
            <source>Agenda…</source>
            <translation>アジェンダ…</translation>
        </message>
        <message>
            <source>Agenda steps and their durations</source>
            <translation>アジェンダのステップと所要時間</translation>
        </message>
        <message>
            <source>Agenda step</source>
            <translation>アジェンダ</translation>
        </message>
        <message>
            <source>%1 (%2 of %3)</source>
            <translation>%1（%2/%3）</translation>
        </message>
        <message>
            <source>Time's up</source>
            <translation>時間です</translation>
        </message>
        <message>
            <source>Running — T pauses</source>
            <translation>計測中 — T で一時停止</translation>
        </message>
        <message>
            <source>Paused — T starts</source>
            <translation>一時停止中 — T で再開</translation>
        </message>
        <message>
            <source>Ready — T starts</source>
            <translation>準備完了 — T で開始</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>一時停止</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>開始</translation>
        </message>
        <message>
            <source>Start or pause the timer (T)</source>
            <translation>タイマーの開始 / 一時停止（T）</translation>
        </message>
    </context>
    <context>
        <name>ToBeUI</name>
        <message>
            <source>Comparison</source>
            <translation>比較</translation>
        </message>
        <message>
            <source>Projected impact</source>
            <translation>施策の効果予測</translation>
        </message>
        <message>
            <source>Make &amp;To-be Journey</source>
            <translation>あるべき姿のジャーニーを作成(&amp;T)</translation>
        </message>
        <message>
            <source>A linked copy of this journey to draw the future state in and compare</source>
            <translation>このジャーニーのつながったコピー。将来の姿を描いて比較します</translation>
        </message>
    </context>
    <context>
        <name>TouchpointEditor</name>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>チャネル</translation>
        </message>
        <message>
            <source>Channel detail</source>
            <translation>チャネルの詳細</translation>
        </message>
        <message>
            <source>e.g. portal, phone, visit</source>
            <translation>例：ポータル、電話、訪問</translation>
        </message>
        <message>
            <source>Emotion</source>
            <translation>感情</translation>
        </message>
        <message>
            <source>Survey scores</source>
            <translation>アンケートのスコア</translation>
        </message>
        <message>
            <source>e.g. 9, 6, 10</source>
            <translation>例：9, 6, 10</translation>
        </message>
        <message>
            <source>Survey scores 0–10 collected at this touchpoint, separated by commas</source>
            <translation>このタッチポイントで集めたアンケートのスコア（0〜10、カンマ区切り）</translation>
        </message>
        <message>
            <source>Metrics</source>
            <translation>指標</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>単位</translation>
        </message>
        <message>
            <source>Add metric</source>
            <translation>指標を追加</translation>
        </message>
        <message>
            <source>Delete metric</source>
            <translation>指標を削除</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Pain point</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Sev.</source>
            <translation>深刻度</translation>
        </message>
        <message>
            <source>Freq.</source>
            <translation>頻度</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>体験要素</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>根拠</translation>
        </message>
        <message>
            <source>Severity 1–5</source>
            <translation>深刻度 1〜5</translation>
        </message>
        <message>
            <source>Frequency 1–5</source>
            <translation>頻度 1〜5</translation>
        </message>
        <message>
            <source>Add pain point</source>
            <translation>ペインポイントを追加</translation>
        </message>
        <message>
            <source>Delete pain point</source>
            <translation>ペインポイントを削除</translation>
        </message>
        <message>
            <source>Touchpoint — %1 · %2</source>
            <translation>タッチポイント — %1 · %2</translation>
        </message>
        <message>
            <source>Survey scores must be whole numbers from 0 to 10, separated by commas</source>
            <translation>アンケートのスコアは 0〜10 の整数をカンマ区切りで入力してください</translation>
        </message>
        <message>
            <source>Metric</source>
            <translation>指標</translation>
        </message>
        <message>
            <source>New pain point</source>
            <translation>新しいペインポイント</translation>
        </message>
    </context>
    <context>
        <name>VotingController</name>
        <message>
            <source>Dot voting</source>
            <translation>ドット投票</translation>
        </message>
        <message>
            <source>Clear votes</source>
            <translation>投票をクリア</translation>
        </message>
        <message>
            <source>This project is open read-only; votes cannot be placed.</source>
            <translation>このプロジェクトは読み取り専用で開かれているため、投票できません。</translation>
        </message>
        <message>
            <source>%1 has no dots left — all %2 are placed. Undo a dot or pass to the next participant.</source>
            <translation>%1 さんのドットは残っていません（%2 個すべて使用済み）。ドットを取り消すか、次の参加者に交代してください。</translation>
        </message>
        <message>
            <source>This round does not vote on that.</source>
            <translation>このラウンドでは、その項目には投票できません。</translation>
        </message>
        <message>
            <source>Vote of %1</source>
            <translation>%1 さんの投票</translation>
        </message>
        <message>
            <source>%1: dot on “%2” (%3 left)</source>
            <translation>%1 さん：「%2」にドット（残り %3）</translation>
        </message>
        <message>
            <source>%1 has no dot to take back.</source>
            <translation>%1 さんには取り消せるドットがありません。</translation>
        </message>
        <message>
            <source>Take back a vote of %1</source>
            <translation>%1 さんの投票を取り消し</translation>
        </message>
        <message>
            <source>%1: dot on “%2” taken back</source>
            <translation>%1 さん：「%2」のドットを取り消しました</translation>
        </message>
        <message>
            <source>This round votes on actions: pick one in the list.</source>
            <translation>このラウンドは施策への投票です。一覧から選んでください。</translation>
        </message>
        <message>
            <source>This card has no pain point to vote on.</source>
            <translation>このカードには投票できるペインポイントがありません。</translation>
        </message>
        <message>
            <source>No voting round</source>
            <translation>投票ラウンドはありません</translation>
        </message>
        <message>
            <source>%1 of %2 dots left</source>
            <translation>ドット残り %1/%2</translation>
        </message>
        <message>
            <source>Show totals</source>
            <translation>合計を表示</translation>
        </message>
        <message>
            <source>Hide totals</source>
            <translation>合計を隠す</translation>
        </message>
        <message>
            <source>Show or hide the vote totals (H)</source>
            <translation>投票の合計の表示 / 非表示（H）</translation>
        </message>
        <message>
            <source>Dots placed: %1</source>
            <translation>使用済みドット：%1</translation>
        </message>
        <message>
            <source>Dot voting — round ended</source>
            <translation>ドット投票 — ラウンド終了</translation>
        </message>
        <message>
            <source>Dot voting — %1 of %2</source>
            <translation>ドット投票 — %1/%2 人目</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Action:</source>
            <translation>施策：</translation>
        </message>
        <message>
            <source>(you: %1)</source>
            <translation>（あなた：%1）</translation>
        </message>
    </context>
    <context>
        <name>VotingPanel</name>
        <message>
            <source>Participant</source>
            <translation>参加者</translation>
        </message>
        <message>
            <source>Dot voting</source>
            <translation>ドット投票</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ 前へ</translation>
        </message>
        <message>
            <source>Previous participant (Shift+P)</source>
            <translation>前の参加者（Shift+P）</translation>
        </message>
        <message>
            <source>Next participant ▶</source>
            <translation>次の参加者 ▶</translation>
        </message>
        <message>
            <source>Next participant (P)</source>
            <translation>次の参加者（P）</translation>
        </message>
        <message>
            <source>Undo my last dot</source>
            <translation>最後のドットを取り消す</translation>
        </message>
        <message>
            <source>Take back this participant's last dot (U)</source>
            <translation>この参加者の最後のドットを取り消す（U）</translation>
        </message>
        <message>
            <source>End round</source>
            <translation>ラウンド終了</translation>
        </message>
        <message>
            <source>New round…</source>
            <translation>新しいラウンド…</translation>
        </message>
        <message>
            <source>Vote targets: click to place a dot</source>
            <translation>投票対象：クリックでドットを付けます</translation>
        </message>
    </context>
    <context>
        <name>VotingSetupDialog</name>
        <message>
            <source>Dot voting</source>
            <translation>ドット投票</translation>
        </message>
        <message>
            <source>Participants by name</source>
            <translation>参加者を名前で指定</translation>
        </message>
        <message>
            <source>Numbered participants</source>
            <translation>参加者を番号で指定</translation>
        </message>
        <message>
            <source>One name per line</source>
            <translation>1 行に 1 人ずつ</translation>
        </message>
        <message>
            <source>Participant names</source>
            <translation>参加者の名前</translation>
        </message>
        <message>
            <source>Number of participants</source>
            <translation>参加者の人数</translation>
        </message>
        <message>
            <source>Dots per participant</source>
            <translation>1 人あたりのドット数</translation>
        </message>
        <message>
            <source>Pain points and actions</source>
            <translation>ペインポイントと施策</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>Vote on</source>
            <translation>投票対象</translation>
        </message>
        <message>
            <source>Hide totals while voting</source>
            <translation>投票中は合計を隠す</translation>
        </message>
        <message>
            <source>Remove the votes already in the project first</source>
            <translation>プロジェクト内の既存の投票を先に削除する</translation>
        </message>
        <message>
            <source>One undo step; Ctrl+Z brings them back</source>
            <translation>1 回の操作として記録され、Ctrl+Z で元に戻せます</translation>
        </message>
        <message>
            <source>Participants:</source>
            <translation>参加者数：</translation>
        </message>
        <message>
            <source>Dots per participant:</source>
            <translation>1 人あたりのドット数：</translation>
        </message>
        <message>
            <source>Vote on:</source>
            <translation>投票対象：</translation>
        </message>
        <message>
            <source>Start voting</source>
            <translation>投票を開始</translation>
        </message>
        <message>
            <source>“%1” is listed twice</source>
            <translation>「%1」が 2 回入力されています</translation>
        </message>
        <message>
            <source>Add at least one participant</source>
            <translation>参加者を 1 人以上追加してください</translation>
        </message>
        <message>
            <source>Participant %1</source>
            <translation>参加者 %1</translation>
        </message>
    </context>
    <context>
        <name>Workshop</name>
        <message>
            <source>Introduction</source>
            <translation>導入</translation>
        </message>
        <message>
            <source>Touchpoints</source>
            <translation>タッチポイント</translation>
        </message>
        <message>
            <source>Pain points</source>
            <translation>ペインポイント</translation>
        </message>
        <message>
            <source>Dot voting</source>
            <translation>ドット投票</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>施策</translation>
        </message>
        <message>
            <source>&amp;Workshop Mode</source>
            <extracomment>Card titles in workshop mode, in screen pixels: readable from the back of the room.</extracomment>
            <translation>ワークショップモード(&amp;W)</translation>
        </message>
        <message>
            <source>Full screen, large type, timer and dot voting for a workshop on a projector</source>
            <translation>プロジェクターでのワークショップ向け：全画面、大きな文字、タイマー、ドット投票</translation>
        </message>
        <message>
            <source>&amp;Dot Voting…</source>
            <translation>ドット投票(&amp;D)…</translation>
        </message>
        <message>
            <source>Participants place dots on pain points and actions</source>
            <translation>参加者がペインポイントや施策にドットを付けます</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Unexpected error</source>
            <translation>予期しないエラー</translation>
        </message>
        <message>
            <source>Something went wrong: %1</source>
            <translation>問題が発生しました：%1</translation>
        </message>
        <message>
            <source>Your project is safe: every change made so far is kept in its working copy. Save it now to be sure; if journeymap closes, the changes are offered for recovery at the next start.</source>
            <translation>プロジェクトは無事です。ここまでの変更はすべて作業コピーに残っています。念のため今すぐ保存してください。journeymap が終了した場合は、次回の起動時に変更の復元を選べます。</translation>
        </message>
    </context>
    <context>
        <name>edits</name>
        <message>
            <source>Add journey</source>
            <translation>ジャーニーを追加</translation>
        </message>
        <message>
            <source>Add phase</source>
            <translation>フェーズを追加</translation>
        </message>
        <message>
            <source>Add stage</source>
            <translation>ステージを追加</translation>
        </message>
        <message>
            <source>Add role</source>
            <translation>役割を追加</translation>
        </message>
        <message>
            <source>Add lane</source>
            <translation>レーンを追加</translation>
        </message>
        <message>
            <source>Set influence</source>
            <translation>影響度を設定</translation>
        </message>
        <message>
            <source>Add touchpoint</source>
            <translation>タッチポイントを追加</translation>
        </message>
        <message>
            <source>Add pain point</source>
            <translation>ペインポイントを追加</translation>
        </message>
        <message>
            <source>Move touchpoint</source>
            <translation>タッチポイントを移動</translation>
        </message>
        <message>
            <source>Add handoff</source>
            <translation>引き継ぎを追加</translation>
        </message>
        <message>
            <source>Add action</source>
            <translation>施策を追加</translation>
        </message>
        <message>
            <source>Link action</source>
            <translation>施策を関連付け</translation>
        </message>
        <message>
            <source>Unlink action</source>
            <translation>施策の関連付けを解除</translation>
        </message>
        <message>
            <source>Vote</source>
            <translation>投票</translation>
        </message>
        <message>
            <source>Paste touchpoint</source>
            <translation>タッチポイントを貼り付け</translation>
        </message>
        <message>
            <source>Reorder</source>
            <translation>並べ替え</translation>
        </message>
        <message>
            <source>Delete touchpoint</source>
            <translation>タッチポイントを削除</translation>
        </message>
        <message>
            <source>Delete pain point</source>
            <translation>ペインポイントを削除</translation>
        </message>
        <message>
            <source>Delete stage</source>
            <translation>ステージを削除</translation>
        </message>
        <message>
            <source>Delete role</source>
            <translation>役割を削除</translation>
        </message>
        <message>
            <source>Delete phase</source>
            <translation>フェーズを削除</translation>
        </message>
        <message>
            <source>Delete journey</source>
            <translation>ジャーニーを削除</translation>
        </message>
        <message>
            <source>Delete action</source>
            <translation>施策を削除</translation>
        </message>
        <message>
            <source>Delete lane</source>
            <translation>レーンを削除</translation>
        </message>
        <message>
            <source>Edit persona</source>
            <translation>ペルソナを編集</translation>
        </message>
        <message>
            <source>Set persona photo</source>
            <translation>ペルソナの写真を設定</translation>
        </message>
        <message>
            <source>Remove persona photo</source>
            <translation>ペルソナの写真を外す</translation>
        </message>
        <message>
            <source>Remove persona</source>
            <translation>ペルソナを削除</translation>
        </message>
        <message>
            <source>Make to-be journey</source>
            <translation>あるべき姿のジャーニーを作成</translation>
        </message>
        <message>
            <source>Unlink to-be journey</source>
            <translation>あるべき姿のつながりを解除</translation>
        </message>
        <message>
            <source>Move %n touchpoints</source>
            <translation>%n 件のタッチポイントを移動</translation>
        </message>
        <message>
            <source>Delete %n touchpoints</source>
            <translation>%n 件のタッチポイントを削除</translation>
        </message>
        <message>
            <source>Paste %n touchpoints</source>
            <translation>%n 件のタッチポイントを貼り付け</translation>
        </message>
        <message>
            <source>Edit %1</source>
            <translation>%1 を編集</translation>
        </message>
    </context>
    <context>
        <name>texts</name>
        <message>
            <source>Digital</source>
            <translation>デジタル</translation>
        </message>
        <message>
            <source>Human</source>
            <translation>対人</translation>
        </message>
        <message>
            <source>Physical</source>
            <translation>フィジカル</translation>
        </message>
        <message>
            <source>Idea</source>
            <translation>アイデア</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>計画済み</translation>
        </message>
        <message>
            <source>Doing</source>
            <translation>実施中</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Dropped</source>
            <translation>中止</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未設定</translation>
        </message>
        <message>
            <source>−2  Very unhappy</source>
            <translation>−2  とても不満</translation>
        </message>
        <message>
            <source>−1  Unhappy</source>
            <translation>−1  不満</translation>
        </message>
        <message>
            <source>0  Neutral</source>
            <translation>0  どちらでもない</translation>
        </message>
        <message>
            <source>+1  Happy</source>
            <translation>+1  満足</translation>
        </message>
        <message>
            <source>+2  Very happy</source>
            <translation>+2  とても満足</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>タイトル</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名前</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>説明</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>チャネル</translation>
        </message>
        <message>
            <source>Channel detail</source>
            <translation>チャネルの詳細</translation>
        </message>
        <message>
            <source>Emotion</source>
            <translation>感情</translation>
        </message>
        <message>
            <source>Survey scores</source>
            <translation>アンケートのスコア</translation>
        </message>
        <message>
            <source>Metrics</source>
            <translation>指標</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>深刻度</translation>
        </message>
        <message>
            <source>Frequency</source>
            <translation>頻度</translation>
        </message>
        <message>
            <source>Dimension</source>
            <translation>体験要素</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>根拠</translation>
        </message>
        <message>
            <source>Effort</source>
            <translation>工数</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>担当者</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状況</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>期限</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>色</translation>
        </message>
        <message>
            <source>Default influence</source>
            <translation>既定の影響度</translation>
        </message>
        <message>
            <source>Influence</source>
            <translation>影響度</translation>
        </message>
        <message>
            <source>Phase</source>
            <translation>フェーズ</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>ステージ</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>役割</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>値</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>単位</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>プロフィール</translation>
        </message>
        <message>
            <source>Goals</source>
            <translation>目標</translation>
        </message>
        <message>
            <source>Decision criteria</source>
            <translation>判断基準</translation>
        </message>
        <message>
            <source>Worries</source>
            <translation>不安・懸念</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>ひとこと</translation>
        </message>
        <message>
            <source>Headcount</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>写真</translation>
        </message>
        <message>
            <source>must be from %1 to %2 (not %3)</source>
            <translation>%1〜%2 で指定してください（%3 は不可）</translation>
        </message>
        <message>
            <source>must be a whole number from %1 to %2 (not %3)</source>
            <translation>%1〜%2 の整数で指定してください（%3 は不可）</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>空にはできません</translation>
        </message>
        <message>
            <source>must be a number (not %1)</source>
            <translation>数値で指定してください（%1 は不可）</translation>
        </message>
        <message>
            <source>is too long (%1 characters, at most %2)</source>
            <translation>長すぎます（%1 文字、最大 %2 文字）</translation>
        </message>
        <message>
            <source>must be a date YYYY-MM-DD or empty (not %1)</source>
            <translation>YYYY-MM-DD 形式の日付か空欄にしてください（%1 は不可）</translation>
        </message>
        <message>
            <source>must be a colour like %1 (not %2)</source>
            <translation>%1 のような色で指定してください（%2 は不可）</translation>
        </message>
        <message>
            <source>is not a usable PNG or JPEG picture (%1)</source>
            <translation>は使える PNG / JPEG 画像ではありません（%1）</translation>
        </message>
        <message>
            <source>is too large (%1 %2, at most %3)</source>
            <translation>が大きすぎます（%1 %2、上限 %3）</translation>
        </message>
        <message>
            <source>bytes</source>
            <translation>バイト</translation>
        </message>
        <message>
            <source>pixels</source>
            <translation>ピクセル</translation>
        </message>
        <message>
            <source>is too long (%1)</source>
            <translation>長すぎます（%1）</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1 must be a whole number from %2 to %3 (not %4)</source>
            <translation>%1 は %2〜%3 の整数で指定してください（%4 は不可）</translation>
        </message>
        <message>
            <source>%1 must be a number (not %2)</source>
            <translation>%1 は数値で入力してください（%2 は不可）</translation>
        </message>
    </context>
    <context>
        <name>JourneyCanvas</name>
        <message>
            <source>Handoff</source>
            <translation>引き継ぎ</translation>
        </message>
        <message>
            <source>Emotion</source>
            <translation>感情</translation>
        </message>
        <message>
            <source>%n people</source>
            <translation>%n 人</translation>
        </message>
    </context>
    <context>
        <name>Library</name>
        <message>
            <source>Opening the library project…</source>
            <translation>ライブラリプロジェクトを開いています…</translation>
        </message>
        <message>
            <source>&lt;b&gt;Deleted:&lt;/b&gt; this project was removed from the team library. Use Save As to keep a copy as a file.</source>
            <translation>&lt;b&gt;削除済み：&lt;/b&gt;このプロジェクトはチームライブラリから削除されました。コピーを残すには「名前を付けて保存」を使ってください。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Connection lost:&lt;/b&gt; the team library cannot be reached. Changes are refused until it is back; journeymap reconnects by itself.</source>
            <translation>&lt;b&gt;接続が切れました：&lt;/b&gt;チームライブラリに接続できません。接続が戻るまで変更はできません。journeymap は自動で再接続します。</translation>
        </message>
        <message>
            <source>&lt;b&gt;Read-only:&lt;/b&gt; you have viewer rights in the team library. You can look, but not change this project.</source>
            <translation>&lt;b&gt;読み取り専用：&lt;/b&gt;チームライブラリの閲覧権限です。このプロジェクトを見ることはできますが、変更はできません。</translation>
        </message>
    </context>
    <context>
        <name>Room</name>
        <message>
            <source>&amp;Room…</source>
            <translation>ルーム(&amp;R)…</translation>
        </message>
        <message>
            <source>Participants join from their phones: suggestions and dot voting</source>
            <translation>参加者が自分のスマートフォンから参加: 提案とドット投票</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>ルーム</translation>
        </message>
        <message>
            <source>This computer only (loopback)</source>
            <translation>このコンピューターのみ（ループバック）</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>復元する</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>破棄</translation>
        </message>
        <message>
            <source>Ask the room (Enter shows it on the phones):</source>
            <translation>参加者への問いかけ（Enter でスマートフォンに表示）:</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>採用</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>見送る</translation>
        </message>
        <message>
            <source>Voting round, dots per participant:</source>
            <translation>投票ラウンド、1 人あたりのドット数:</translation>
        </message>
        <message>
            <source>Start round</source>
            <translation>ラウンド開始</translation>
        </message>
        <message>
            <source>End round</source>
            <translation>ラウンド終了</translation>
        </message>
        <message>
            <source>Show totals on the phones</source>
            <translation>スマートフォンに合計を表示</translation>
        </message>
        <message>
            <source>Close the room</source>
            <translation>ルームを閉じる</translation>
        </message>
        <message>
            <source>Open the room</source>
            <translation>ルームを開く</translation>
        </message>
        <message>
            <source>The room is open: scan the code or type the address.</source>
            <translation>ルームは開いています。コードを読み取るかアドレスを入力してください。</translation>
        </message>
        <message>
            <source>The room is closed.</source>
            <translation>ルームは閉じています。</translation>
        </message>
        <message>
            <source>Joined: %1</source>
            <translation>参加者: %1</translation>
        </message>
        <message>
            <source>Suggestions: %1</source>
            <translation>提案: %1</translation>
        </message>
        <message>
            <source>Comment</source>
            <translation>コメント</translation>
        </message>
        <message>
            <source>Top of the ranking now: %1</source>
            <translation>現在のランキング上位: %1</translation>
        </message>
        <message>
            <source>The room's state cannot be kept: %1</source>
            <translation>ルームの状態を保存できません: %1</translation>
        </message>
        <message>
            <source>%1 dots were on items deleted during the round and were not recorded.</source>
            <translation>ラウンド中に削除された項目への %1 ドットは記録されませんでした。</translation>
        </message>
        <message>
            <source>The room needs %1. Install it with: %2</source>
            <translation>ルームには %1 が必要です。次のコマンドでインストールしてください: %2</translation>
        </message>
        <message>
            <source>The room cannot open on %1: %2</source>
            <translation>%1 でルームを開けません: %2</translation>
        </message>
        <message>
            <source>From the last session: %1 pending suggestions, %2 dots of an open round.</source>
            <translation>前回のセッションから: 未確認の提案 %1 件、投票中ラウンドのドット %2 個。</translation>
        </message>
        <message>
            <source>%1 dots placed by %2 of %3 participants.</source>
            <translation>%3 人中 %2 人が %1 ドットを置きました。</translation>
        </message>
    </context>
</TS>
