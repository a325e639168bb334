<?php
function quantityCell() {
    $cell = sprintf("<td class='qty'>%s</td>", $_POST['qty']);
    echo $cell;
}
quantityCell();
