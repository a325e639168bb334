<?php
$n = $_POST['count'];
printf("<span>%d items</span>", $n);
