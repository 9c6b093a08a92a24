<?cs # The week grid shared by every view: Week from tt_week_hdf(). ?>
<table class="grid week-grid">
  <thead><tr><th class="num">№</th><?cs each:d = Week.Days ?><th<?cs if:d.holiday ?> class="holiday"<?cs /if ?>><?cs var:d.name ?><br><span class="meta"><?cs var:d.label ?></span></th><?cs /each ?></tr></thead>
  <tbody>
  <?cs each:row = Week.Rows ?>
    <tr>
      <th class="num"><?cs var:row.number ?><?cs if:row.starts ?><br><span class="meta bell"><?cs var:row.starts ?>–<?cs var:row.ends ?></span><?cs /if ?></th>
      <?cs each:d = Week.Days ?>
      <?cs if:d.holiday ?>
      <td class="holiday"><?cs if:row.number == "1" ?><?cs var:d.holiday ?><?cs /if ?></td>
      <?cs else ?>
      <td><?cs each:l = row.Cells[name(d)] ?>
        <div class="lesson lesson-<?cs var:l.state ?>" data-tt="<?cs var:l.tt_id ?>">
          <strong><?cs var:l.subject ?></strong>
          <?cs if:Week.view != "1" || l.kind != "class" ?><span class="lgroup"><?cs var:l.group ?></span><?cs /if ?>
          <span class="lteacher"><?cs var:l.teacher ?></span>
          <?cs if:l.room ?><span class="lroom">каб. <?cs var:l.room ?></span><?cs /if ?>
          <?cs if:l.note ?><span class="lnote"><?cs var:l.note ?><?cs if:l.reason ?>: <?cs var:l.reason ?><?cs /if ?></span><?cs /if ?>
        </div>
      <?cs /each ?></td>
      <?cs /if ?>
      <?cs /each ?>
    </tr>
  <?cs /each ?>
  </tbody>
</table>
