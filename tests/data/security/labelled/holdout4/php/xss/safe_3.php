<?php
function quantityCell() {
    $cell = sprintf("<td class='qty'>%d</td>", $_POST['qty']);
    echo $cell;
}
quantityCell();
